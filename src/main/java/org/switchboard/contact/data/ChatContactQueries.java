package org.switchboard.contact.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.common.LikePatterns;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ChatContacts.ChatContact;
import org.switchboard.contact.ChatContacts.EndedChats;
import org.switchboard.contact.ContactState;

/** The contact side of chats; see {@link org.switchboard.contact.ChatContacts}. */
@Repository
public class ChatContactQueries {

    private static final String SELECT = """
            SELECT c.id, c.channel, c.queue_id, c.customer_name, c.customer_address, c.state, c.agent_id, c.created_at,
                   c.closed_at
            FROM contact c""";

    private final JdbcClient jdbc;

    ChatContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ChatContact> find(long contactId) {
        return jdbc.sql(SELECT + " WHERE c.id = ? AND c.type = 'CHAT'").param(contactId).query(ChatContactQueries::chat).optional();
    }

    public List<ChatContact> openOf(long agentId) {
        return jdbc.sql(SELECT + " WHERE c.agent_id = ? AND c.type = 'CHAT' AND c.state IN ('OFFERED','CONNECTED')")
                .param(agentId).query(ChatContactQueries::chat).list();
    }

    public List<ChatContact> ended(EndedChats filter, Collection<Long> among, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE c.type = 'CHAT' AND c.state = 'ENDED'");
        List<Object> params = new ArrayList<>();
        if (filter.agentId() != null) {
            sql.append(" AND c.agent_id = ?");
            params.add(filter.agentId());
        }
        if (filter.queueIds() != null) {
            sql.append(" AND c.queue_id IN (").append(placeholders(filter.queueIds().size())).append(")");
            params.addAll(filter.queueIds());
        }
        if (among != null) {
            sql.append(" AND c.id IN (").append(placeholders(among.size())).append(")");
            params.addAll(among);
        }
        if (filter.customer() != null) {
            sql.append(" AND (c.customer_name LIKE ? OR c.customer_address LIKE ?)");
            String like = LikePatterns.containing(filter.customer());
            params.add(like);
            params.add(like);
        }
        if (filter.from() != null) {
            sql.append(" AND c.created_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND c.created_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ChatContactQueries::chat).list();
    }

    public Map<Long, Long> connectedIn(Collection<Long> queueIds) {
        Map<Long, Long> chats = new HashMap<>();
        jdbc.sql("SELECT id, queue_id FROM contact WHERE type = 'CHAT' AND state = 'CONNECTED' AND queue_id IN (:queues)")
                .param("queues", queueIds).query(rs -> {
                    chats.put(rs.getLong(1), rs.getLong(2));
                });
        return chats;
    }

    public Map<Long, Long> agentsOf(Collection<Long> contactIds) {
        Map<Long, Long> agents = new HashMap<>();
        jdbc.sql("SELECT id, agent_id FROM contact WHERE id IN (:ids) AND agent_id IS NOT NULL")
                .param("ids", contactIds).query(rs -> {
                    agents.put(rs.getLong(1), rs.getLong(2));
                });
        return agents;
    }

    public Optional<Long> lockOpenChat(Channel channel, String address, long queueId) {
        return jdbc.sql("""
                SELECT id FROM contact
                WHERE type = 'CHAT' AND channel = ? AND customer_address = ? AND queue_id = ? AND state <> 'ENDED'
                ORDER BY id DESC LIMIT 1 FOR UPDATE""").params(channel.name(), address, queueId).query(Long.class).optional();
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    private static ChatContact chat(ResultSet rs, int row) throws SQLException {
        return new ChatContact(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getLong("queue_id"),
                rs.getString("customer_name"), rs.getString("customer_address"), ContactState.valueOf(rs.getString("state")),
                (Long) rs.getObject("agent_id", Long.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
