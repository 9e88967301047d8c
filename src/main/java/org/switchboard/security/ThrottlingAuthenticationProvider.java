package org.switchboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in that refuses a user name locked by {@link LoginThrottle}; every other attempt is
 * booked as a failure before its password is checked and cleared when the password is right.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        LoginThrottle.Attempt attempt = throttle.begin(authentication.getName());
        if (attempt.refused()) {
            long minutes = Math.max(1, (attempt.lockedFor().toSeconds() + 59) / 60);
            throw new SignInLocked(minutes);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(attempt);
            SignedInUser user = (SignedInUser) result.getPrincipal();
            SignedInUser principal = user.withoutPassword();
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal,
                    null, principal.getAuthorities());
            token.setDetails(result.getDetails());
            return token;
        } catch (BadCredentialsException e) {
            throw e; // booked as a failure already
        } catch (AuthenticationException e) {
            throttle.withdraw(attempt);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
