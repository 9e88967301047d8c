package org.switchboard.queue.data;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface QueueRepository extends ListCrudRepository<QueueEntity, Long> {

    Optional<QueueEntity> findByName(String name);

    boolean existsByName(String name);

    @Query("SELECT campaign FROM campaign_source WHERE source_queue = :queueId")
    List<Long> findCampaignIdsFedBy(long queueId);

    @Query("SELECT * FROM queue ORDER BY name")
    List<QueueEntity> findAllOrderByName();
}
