package org.switchboard.audio;

import static java.util.stream.Collectors.toSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audio.data.AudioMessageRepository;
import org.switchboard.audio.data.AudioMessageRepository.Audio;
import org.switchboard.audio.data.AudioMessageRepository.Row;
import org.switchboard.audio.format.AudioFormatException;
import org.switchboard.audio.format.AudioInspector;
import org.switchboard.common.ConflictException;
import org.switchboard.common.FormValidation;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserNames.UserName;

/**
 * The shared library of pre-recorded audio messages and their use in calls. Every signed-in user sees
 * and plays them and may create new ones; a user changes its own, supervisors and admins change all.
 * Audio is accepted only when its content is WAV, MP3, OGG (Vorbis, Opus) or WebM, at most
 * {@link #MAX_BYTES} bytes and {@link #MAX_DURATION} long, measured here; otherwise nothing is stored.
 */
@Service
@PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','ADMIN')")
public class AudioMessageService {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Duration MAX_DURATION = Duration.ofMinutes(5);

    private final AudioMessageRepository messages;
    private final ContactService contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FormValidation forms;
    private final UserNames names;

    AudioMessageService(AudioMessageRepository messages, ContactService contacts, ApplicationEventPublisher events,
            Clock clock, FormValidation forms, UserNames names) {
        this.forms = forms;
        this.names = names;
        this.messages = messages;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The archived messages, or the others, whose name or a tag contains {@code search} (ignoring case;
     * blank matches all), by name.
     */
    @Transactional(readOnly = true)
    public List<AudioMessage> library(boolean archived, String search) {
        return matching(archived, search);
    }

    /** What an agent may play into a call: the messages not archived, matching {@code search} as in {@link #library}. */
    @Transactional(readOnly = true)
    public List<AudioMessage> playable(String search) {
        return matching(false, search);
    }

    private List<AudioMessage> matching(boolean archived, String search) {
        SignedInUser me = me();
        String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return views(messages.list(archived).stream()
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                        || r.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle)))
                .toList(), me);
    }

    @Transactional(readOnly = true)
    public AudioMessage get(long id) {
        return shown(id);
    }

    private AudioMessage shown(long id) {
        return views(List.of(find(id)), me()).getFirst();
    }

    /** Every tag in use, for pickers. */
    @Transactional(readOnly = true)
    public List<String> tags() {
        me();
        return messages.tagNames();
    }

    /**
     * What the audio in {@code audio} is (format, duration, size), or a {@link ValidationException} saying
     * why it is not accepted; lets a form tell the user at once, before Save.
     */
    public AudioSummary inspect(Path audio) {
        me();
        Audio checked = check(audio);
        return new AudioSummary(checked.format(), Duration.ofMillis(checked.durationMillis()), checked.sizeBytes());
    }

    /** A new message with the audio in {@code audio} (a file the caller deletes afterwards). */
    @Transactional
    public AudioMessage create(AudioMessageForm form, Path audio) {
        SignedInUser me = me();
        AudioMessageForm valid = forms.check(form.normalized());
        Audio checked = check(audio);
        long id = messages.insert(valid.name(), valid.description(), me.id() == 0 ? null : me.id(), checked, clock.instant());
        messages.setTags(id, valid.tags());
        store(id, audio, checked);
        events.publishEvent(new AudioMessagesChanged(id));
        return shown(id);
    }

    /**
     * Changes name, description and tags and, when {@code newAudio} is not null, replaces the audio.
     * Refused when the message belongs to someone else or changed meanwhile.
     */
    @PreAuthorize("@audioAccess.canEdit(#id)")
    @Transactional
    public AudioMessage update(long id, int expectedVersion, AudioMessageForm form, Path newAudio) {
        find(id);
        AudioMessageForm valid = forms.check(form.normalized());
        Audio checked = newAudio == null ? null : check(newAudio);
        if (!messages.update(id, expectedVersion, valid.name(), valid.description(), clock.instant())) {
            throw ConflictException.staleVersion("audio.error.this-message");
        }
        messages.setTags(id, valid.tags());
        if (checked != null) {
            messages.setAudio(id, checked, clock.instant());
            store(id, newAudio, checked);
        }
        events.publishEvent(new AudioMessagesChanged(id));
        return shown(id);
    }

    /** Archived messages stay in the library's Archive but are not offered during calls. */
    @PreAuthorize("@audioAccess.canEdit(#id)")
    @Transactional
    public AudioMessage setArchived(long id, boolean archived) {
        find(id);
        messages.setArchived(id, archived, clock.instant());
        events.publishEvent(new AudioMessagesChanged(id));
        return shown(id);
    }

    @PreAuthorize("@audioAccess.canEdit(#id)")
    @Transactional
    public void delete(long id) {
        find(id);
        messages.delete(id);
        events.publishEvent(new AudioMessagesChanged(id));
    }

    /**
     * Writes {@code length} bytes of the message's audio from {@code offset} on (a range the caller has
     * checked against {@link AudioMessage#sizeBytes()}), in bounded chunks. Deliberately without a
     * transaction: each chunk is its own short query, so a slow listener never holds a connection.
     */
    public void copyAudio(long id, long offset, long length, OutputStream out) {
        me();
        find(id);
        messages.copyContent(id, offset, length, out);
    }

    /**
     * The agent plays message {@code messageId} into its connected call {@code contactId}; the play is
     * written to the contact's history. With {@code thenHangUp} the call ends when the recording has
     * finished. The agent's browser plays the audio.
     */
    @PreAuthorize("@contactAccess.canActOn(#contactId)")
    @Transactional
    public AudioMessage play(long contactId, long messageId, boolean thenHangUp) {
        AudioMessage message = shown(messageId);
        if (message.archived()) {
            throw new ConflictException("\"" + message.name() + "\" is archived; unarchive it to play it.");
        }
        contacts.recordingPlayed(contactId, message.name(), message.duration(), thenHangUp);
        return message;
    }

    /** The agent stopped the message before its end: written to the history; a planned hang-up is cancelled. */
    @PreAuthorize("@contactAccess.canActOn(#contactId)")
    @Transactional
    public void stopped(long contactId, long messageId) {
        contacts.recordingStopped(contactId, shown(messageId).name());
    }

    /** Whether the user may change, archive and delete every message, not only its own. */
    public static boolean managesAll(SignedInUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    /** The audio's format, duration and size from its content, or a clear refusal. */
    static Audio check(Path audio) {
        if (audio == null) {
            throw new ValidationException("audio.error.no-audio");
        }
        try {
            long size = Files.size(audio);
            if (size == 0) {
                throw new ValidationException("audio.error.empty");
            }
            if (size > MAX_BYTES) {
                throw new ValidationException("audio.error.too-big", size / 1024.0 / 1024.0);
            }
            AudioInspector.Probe probe = AudioInspector.inspect(audio);
            if (probe.duration().isZero()) {
                throw new ValidationException("audio.error.no-sound");
            }
            if (probe.duration().compareTo(MAX_DURATION) > 0) {
                throw new ValidationException("audio.error.too-long", AudioMessage.formatDuration(probe.duration()));
            }
            return new Audio(probe.format(), probe.duration().toMillis(), size);
        } catch (AudioFormatException e) {
            throw new ValidationException("audio.error.not-audio", e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded audio", e);
        }
    }

    private void store(long id, Path audio, Audio checked) {
        try (InputStream in = Files.newInputStream(audio)) {
            messages.storeContent(id, in, checked.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded audio", e);
        }
    }

    private Row find(long id) {
        return messages.find(id).orElseThrow(() -> new NotFoundException("audio.error.no-such-message"));
    }

    static boolean editable(Row row, SignedInUser me) {
        return managesAll(me) || row.createdBy() != null && row.createdBy() == me.id();
    }

    private List<AudioMessage> views(List<Row> rows, SignedInUser me) {
        Map<Long, UserName> authors = names.of(rows.stream().map(Row::createdBy).filter(Objects::nonNull).collect(toSet()));
        return rows.stream().map(r -> new AudioMessage(r.id(), r.name(), r.description(), r.tags(), r.archived(), r.format(),
                Duration.ofMillis(r.durationMillis()), r.sizeBytes(), r.createdBy(),
                r.createdBy() == null || !authors.containsKey(r.createdBy()) ? null : authors.get(r.createdBy()).displayName(),
                r.createdAt(), r.updatedAt(), r.version(), editable(r, me))).toList();
    }

    private static SignedInUser me() {
        return SignedInUser.current("Sign in to use pre-recorded audio messages.");
    }
}
