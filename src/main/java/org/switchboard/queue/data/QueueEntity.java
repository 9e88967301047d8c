package org.switchboard.queue.data;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueSettings;

/** A queue with its settings and campaign sources; admins edit it, so it carries a version. */
@Table("queue")
public class QueueEntity {

    @Id
    private Long id;
    private String name;
    private QueueKind kind;
    private int offerTimeoutSeconds;
    private int wrapUpSeconds;
    private int wrapUpExtensionSeconds;
    private int maxWaitSeconds;
    private int serviceLevelSeconds;
    private int chatCapacity;
    private int priority;
    private int missedOffersBeforePause;
    @Version
    private int version;
    @MappedCollection(idColumn = "campaign")
    private Set<CampaignSource> sources = new HashSet<>();

    public QueueEntity(QueueSettings settings) {
        apply(settings);
    }

    QueueEntity() {
    }

    public void apply(QueueSettings s) {
        name = s.name();
        kind = s.kind();
        offerTimeoutSeconds = s.offerTimeoutSeconds();
        wrapUpSeconds = s.wrapUpSeconds();
        wrapUpExtensionSeconds = s.wrapUpExtensionSeconds();
        maxWaitSeconds = s.maxWaitSeconds();
        serviceLevelSeconds = s.serviceLevelSeconds();
        chatCapacity = s.chatCapacity();
        priority = s.priority();
        missedOffersBeforePause = s.missedOffersBeforePause();
        sources = s.sourceQueueIds().stream().map(CampaignSource::new).collect(Collectors.toCollection(HashSet::new));
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public QueueKind getKind() {
        return kind;
    }

    public QueueInfo toInfo() {
        return new QueueInfo(id, version, new QueueSettings(name, kind, offerTimeoutSeconds, wrapUpSeconds,
                wrapUpExtensionSeconds, maxWaitSeconds, serviceLevelSeconds, chatCapacity, priority,
                missedOffersBeforePause,
                sources.stream().map(CampaignSource::sourceQueue).collect(Collectors.toUnmodifiableSet())));
    }

    @Table("campaign_source")
    record CampaignSource(Long sourceQueue) {
    }
}
