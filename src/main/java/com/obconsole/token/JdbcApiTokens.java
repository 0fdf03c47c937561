package com.obconsole.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.obconsole.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens in the console's own database (table {@code api_token}, db/migration V3). Times are UTC. */
@Repository
class JdbcApiTokens {

	private static final String COLUMNS = "id, name, owner, role, token_sha256, created_at, expires_at, last_used_at, revoked_at";

	private final JdbcClient jdbc;

	JdbcApiTokens(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	long insert(String name, String owner, Role role, String sha256, Instant created, Instant expires) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_token (name, owner, role, token_sha256, created_at, expires_at)
				VALUES (:name, :owner, :role, :sha256, :created, :expires)
				""")
			.param("name", name)
			.param("owner", owner)
			.param("role", role.name())
			.param("sha256", sha256)
			.param("created", utc(created))
			.param("expires", utc(expires))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** Every token, newest first: there are a few per user, and the console keeps them all in memory. */
	List<ApiToken> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY id DESC").query(JdbcApiTokens::token).list();
	}

	/** Revokes a token not yet revoked; whether it did. */
	boolean revoke(long id, Instant at) {
		return this.jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	void used(long id, Instant at) {
		this.jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id").param("at", utc(at)).param("id", id).update();
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("owner"), Role.valueOf(rs.getString("role")),
				rs.getString("token_sha256"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
