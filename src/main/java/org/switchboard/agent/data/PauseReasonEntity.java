package org.switchboard.agent.data;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.switchboard.agent.PauseReason;

@Table("pause_reason")
public class PauseReasonEntity {

    @Id
    private Long id;
    private String name;
    private boolean active;
    private boolean systemReason;
    private int sortOrder;
    @Version
    private int version;

    public PauseReasonEntity(String name, int sortOrder) {
        this.name = name;
        this.sortOrder = sortOrder;
        this.active = true;
    }

    PauseReasonEntity() {
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public boolean isSystemReason() {
        return systemReason;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public PauseReason toReason() {
        return new PauseReason(id, name, active, systemReason, version);
    }
}
