package org.switchboard.queue.data;

import org.springframework.data.repository.ListCrudRepository;

/** Saves queues as admins edit them; reads go through {@link QueueQueries}. */
public interface QueueRepository extends ListCrudRepository<QueueEntity, Long> {
}
