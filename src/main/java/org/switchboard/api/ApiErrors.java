package org.switchboard.api;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/** RFC 9457 problem details for every refusal of the API, each with a message a developer can act on. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    /** Text beyond the allowed length: the body is too large for what it carries. */
    static class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * A refusal only the API makes (a missing field, an unknown name in a request): its detail is written in
     * English, the API's one language, because it never reaches a screen. Refusals of services that screens
     * share are {@link org.switchboard.common.Refusal}s with bundle keys, said here in English too.
     */
    static class Refused extends RuntimeException {

        private final HttpStatus status;

        Refused(HttpStatus status, String detail) {
            super(detail);
            this.status = status;
        }

        static Refused badRequest(String detail) {
            return new Refused(HttpStatus.BAD_REQUEST, detail);
        }

        static Refused notFound(String detail) {
            return new Refused(HttpStatus.NOT_FOUND, detail);
        }
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return problem(e.status, e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail badInput(ValidationException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // The body passed its size limit while the parser read it (LimitedBodyRequest).
        if (e.getMostSpecificCause() instanceof TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return problem(HttpStatus.BAD_REQUEST, "'" + invalid.getValue() + "' is not a valid " + field(invalid)
                    + "; use one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) + ".");
        }
        if (cause instanceof DatabindException databind) {
            return problem(HttpStatus.BAD_REQUEST, "The value of " + field(databind) + " is not valid.");
        }
        if (cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
        }
        return problem(HttpStatus.BAD_REQUEST, "A JSON body is required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badPath(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + ".");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "The header " + e.getHeaderName() + " is required.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON with Content-Type: application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        var allowed = e.getSupportedHttpMethods();
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
                .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Use " + allowed + " here."));
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge(TooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ProblemDetail notFound(Exception e) {
        return problem(HttpStatus.NOT_FOUND, e instanceof NotFoundException ? e.getMessage() : "No such resource.");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A save whose @Version moved on after the service read it: a stale edit, as {@link ConflictException#staleVersion}. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, ConflictException.STALE.english());
    }

    /** A transaction that still lost lock conflicts after its retries (TransactionRetry): rolled back, safe to send again. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                        "Other changes to the same records kept conflicting with this request; nothing was changed. Send it again."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable() {
        return DatabaseUnavailable.answer();
    }

    private static String field(DatabindException e) {
        return e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("value");
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
