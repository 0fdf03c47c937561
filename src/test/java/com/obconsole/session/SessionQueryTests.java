package com.obconsole.session;

import java.math.BigDecimal;
import java.util.List;

import com.obconsole.engine.Session;
import com.obconsole.engine.TraceSetting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionQueryTests {

	static Session session(long id, String user, String source, String db, String status, double seconds) {
		return new Session(id, "ACTIVE".equals(status) ? "SELECT " + id : null, null, user, source, db,
				"ACTIVE".equals(status) ? "Query" : "Sleep", BigDecimal.valueOf(seconds), status, "10.0.0.1:2881", null,
				null, null, null, "t1", TraceSetting.NONE);
	}

	final List<Session> sessions = List.of(session(1, "app", "10.1.1.1:5000", "orders", "ACTIVE", 12.5),
			session(2, "App_Reader", "10.1.1.2:5001", "orders_archive", "SLEEP", 300),
			session(3, "batch", "192.168.0.9:7000", null, "ACTIVE", 700.25),
			session(4, "batch", "192.168.0.9:7001", "reports", "SLEEP", 1));

	@Test
	void defaultIsEveryoneLongestFirst() {
		SessionPage page = SessionQuery.DEFAULT.apply(this.sessions);
		assertThat(page.sessions()).extracting(Session::id).containsExactly(3L, 2L, 1L, 4L);
		assertThat(page.figures()).isEqualTo(new SessionFigures(4, 2, new BigDecimal("700.25")));
		assertThat(page.matching()).isEqualTo(4);
	}

	@Test
	void filtersAreCaseInsensitiveSubstringsAndCombine() {
		assertThat(ids(query(null, "APP", null, null, null))).containsExactly(2L, 1L);
		assertThat(ids(query(null, null, "192.168", null, null))).containsExactly(3L, 4L);
		assertThat(ids(query(null, null, null, "ORDERS", null))).containsExactly(2L, 1L);
		assertThat(ids(query(null, "app", null, null, "true"))).containsExactly(1L);
		assertThat(ids(query("4", null, null, null, null))).containsExactly(4L);
		assertThat(ids(query(null, null, null, "_", null))).containsExactly(2L);
		assertThat(ids(query(null, null, null, "%", null))).isEmpty();
	}

	@Test
	void figuresCoverTheWholeSnapshotNotTheFilter() {
		SessionPage page = query(null, "batch", null, null, null);
		assertThat(page.matching()).isEqualTo(2);
		assertThat(page.figures().total()).isEqualTo(4);
	}

	@Test
	void sortsByAnyColumnWithStableTies() {
		assertThat(ids(SessionQuery.of(null, null, null, null, null, "user", "asc", null, null).apply(this.sessions)))
			.containsExactly(1L, 2L, 3L, 4L);
		assertThat(ids(SessionQuery.of(null, null, null, null, null, "database", "asc", null, null).apply(this.sessions)))
			.containsExactly(3L, 1L, 2L, 4L);
		assertThat(ids(SessionQuery.of(null, null, null, null, null, "id", "desc", null, null).apply(this.sessions)))
			.containsExactly(4L, 3L, 2L, 1L);
		assertThat(ids(SessionQuery.of(null, null, null, null, null, "id", null, null, null).apply(this.sessions)))
			.containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void pagesSliceTheSortedMatches() {
		SessionPage second = SessionQuery.of(null, null, null, null, null, "id", "asc", "2", "3").apply(this.sessions);
		assertThat(ids(second)).containsExactly(4L);
		assertThat(second.pages()).isEqualTo(2);
		SessionPage beyond = SessionQuery.of(null, null, null, null, null, "id", "asc", "9", "3").apply(this.sessions);
		assertThat(beyond.sessions()).isEmpty();
	}

	@Test
	void refusesWhatMakesNoSense() {
		assertThatThrownBy(() -> SessionQuery.of("x", null, null, null, null, null, null, null, null))
			.isInstanceOf(InvalidSessionQueryException.class)
			.hasMessageStartingWith("id:");
		assertThatThrownBy(() -> SessionQuery.of("-3", null, null, null, null, null, null, null, null))
			.hasMessageStartingWith("id:");
		assertThatThrownBy(() -> SessionQuery.of("99999999999999999999", null, null, null, null, null, null, null, null))
			.hasMessageStartingWith("id:");
		assertThatThrownBy(() -> SessionQuery.of(null, "u".repeat(257), null, null, null, null, null, null, null))
			.hasMessageStartingWith("user:");
		assertThatThrownBy(() -> SessionQuery.of(null, null, null, null, "perhaps", null, null, null, null))
			.hasMessageStartingWith("activeOnly:");
		assertThatThrownBy(() -> SessionQuery.of(null, null, null, null, null, "password", null, null, null))
			.hasMessageStartingWith("sort:");
		assertThatThrownBy(() -> SessionQuery.of(null, null, null, null, null, null, "up", null, null))
			.hasMessageStartingWith("direction:");
		assertThatThrownBy(() -> SessionQuery.of(null, null, null, null, null, null, null, "0", null))
			.hasMessageStartingWith("page:");
		assertThatThrownBy(() -> SessionQuery.of(null, null, null, null, null, null, null, null, "501"))
			.hasMessageStartingWith("size:");
	}

	private SessionPage query(String id, String user, String source, String database, String activeOnly) {
		return SessionQuery.of(id, user, source, database, activeOnly, null, null, null, null).apply(this.sessions);
	}

	private static List<Long> ids(SessionPage page) {
		return page.sessions().stream().map(Session::id).toList();
	}

}
