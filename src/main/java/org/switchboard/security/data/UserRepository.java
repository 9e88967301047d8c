package org.switchboard.security.data;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface UserRepository extends ListCrudRepository<UserEntity, Long> {

    Optional<UserEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("SELECT enabled FROM app_user WHERE username = :username")
    Optional<Boolean> findEnabledByUsername(String username);

    @Query("SELECT COUNT(*) FROM user_role r JOIN app_user u ON u.id = r.app_user WHERE r.role = 'ADMIN' AND u.enabled")
    int countEnabledAdmins();

    @Query("SELECT extension FROM user_line WHERE app_user = :userId ORDER BY position")
    List<String> findLines(long userId);

    @Query("SELECT app_user FROM user_line WHERE extension = :extension")
    List<Long> findUserIdsWithLine(String extension);

    @Query("SELECT * FROM app_user ORDER BY display_name")
    List<UserEntity> findAllOrderByDisplayName();
}
