package org.switchboard.agent.data;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PauseReasonRepository extends ListCrudRepository<PauseReasonEntity, Long> {

    @Query("SELECT * FROM pause_reason ORDER BY sort_order, name")
    List<PauseReasonEntity> findAllOrdered();

    Optional<PauseReasonEntity> findByName(String name);

    @Query("SELECT COALESCE(MAX(sort_order), 0) FROM pause_reason WHERE NOT system_reason")
    int maxSortOrder();
}
