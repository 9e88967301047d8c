package org.switchboard.security.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.security.UserNames.UserName;

/** Names of users by id, in one statement for a whole screen's rows. */
@Repository
public class UserNameQueries {

    private final JdbcClient jdbc;

    UserNameQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, UserName> names(Collection<Long> userIds) {
        Map<Long, UserName> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, username, display_name, enabled FROM app_user WHERE id IN (:ids)").param("ids", userIds)
                .query(rs -> {
                    names.put(rs.getLong(1), new UserName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                });
        return names;
    }
}
