package com.obconsole.security;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.obconsole.localengine.ConsoleDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in sessions in the console's database on H2, MariaDB and seekdb, schema from the real
 * migration (V6), with the repository the console configures: what a signed-in browser keeps in its
 * session is written by one instance and read by another.
 */
class SignInSessionStoreTests {

	private static final String CSRF_ATTRIBUTE = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void aSessionWrittenByOneInstanceIsReadByAnother(ConsoleDatabases database) {
		DataSource shared = database.migrated();
		FindByIndexNameSessionRepository<Session> a = repository(shared);
		FindByIndexNameSessionRepository<Session> b = repository(shared);
		Session written = a.createSession();
		written.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn("operator"));
		written.setAttribute(CSRF_ATTRIBUTE, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
		Instant lockedUntil = Instant.parse("2026-12-06T08:00:00Z");
		written.setAttribute(SignInController.LOCKED_UNTIL_ATTRIBUTE, lockedUntil);
		a.save(written);

		Session read = b.findById(written.getId());
		assertThat(read).isNotNull();
		SecurityContext context = read.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context.getAuthentication().getName()).isEqualTo("operator");
		assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_OPERATOR");
		assertThat(read.<DefaultCsrfToken>getAttribute(CSRF_ATTRIBUTE).getToken()).isEqualTo("token-1");
		assertThat(read.<Instant>getAttribute(SignInController.LOCKED_UNTIL_ATTRIBUTE)).isEqualTo(lockedUntil);
		assertThat(b.findByPrincipalName("operator")).containsKey(written.getId());
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void twoRequestsAddingTheSameAttributeAtOnceBothSucceed(ConsoleDatabases database) {
		DataSource shared = database.migrated();
		FindByIndexNameSessionRepository<Session> a = repository(shared);
		FindByIndexNameSessionRepository<Session> b = repository(shared);
		Session session = a.createSession();
		a.save(session);
		// Two instances (or two threads) loaded the session before either saved.
		Session onA = a.findById(session.getId());
		Session onB = b.findById(session.getId());
		onA.setAttribute(CSRF_ATTRIBUTE, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "from-a"));
		onB.setAttribute(CSRF_ATTRIBUTE, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "from-b"));
		a.save(onA);
		b.save(onB);
		assertThat(a.findById(session.getId()).<DefaultCsrfToken>getAttribute(CSRF_ATTRIBUTE).getToken())
			.isEqualTo("from-b");
	}

	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void aChangedSessionIdLeavesNothingUnderTheOldOne(ConsoleDatabases database) {
		FindByIndexNameSessionRepository<Session> repository = repository(database.migrated());
		Session session = repository.createSession();
		session.setAttribute("a", "b");
		repository.save(session);
		String before = session.getId();
		String after = session.changeSessionId();
		repository.save(session);
		assertThat(after).isNotEqualTo(before);
		assertThat(repository.findById(before)).isNull();
		assertThat(repository.findById(after).<String>getAttribute("a")).isEqualTo("b");
	}

	/**
	 * What keeping sessions in the database adds to a page request: the session read by id and its
	 * last access written back, as Spring Session does per request. Figures, never a failure on timing.
	 */
	@ParameterizedTest
	@EnumSource(ConsoleDatabases.class)
	void costPerPageRequest(ConsoleDatabases database) {
		ConsoleDatabases.Connect connect = database.fresh();
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(connect.url());
			pool.setUsername(connect.username());
			pool.setPassword(connect.password());
			Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
			FindByIndexNameSessionRepository<Session> repository = repository(pool);
			Session session = repository.createSession();
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn("operator"));
			session.setAttribute(CSRF_ATTRIBUTE, new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
			repository.save(session);
			int n = 1000;
			long start = 0;
			for (int i = -200; i < n; i++) {
				if (i == 0) {
					start = System.nanoTime();
				}
				Session loaded = repository.findById(session.getId());
				loaded.setLastAccessedTime(Instant.now());
				repository.save(loaded);
			}
			System.out.printf("sign-in session on %s: %.0f µs per page request (read by id, last access written)%n",
					database, (System.nanoTime() - start) / 1e3 / n);
			assertThat(repository.findById(session.getId())).isNotNull();
		}
	}

	private static SecurityContext signedIn(String username) {
		List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"));
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(new User(username, "", roles), null, roles);
		authentication.setDetails(new WebAuthenticationDetails("10.0.0.1", null));
		return new SecurityContextImpl(authentication);
	}

	/** The repository as the console runs it: Spring Session's, with the console's customizer. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static FindByIndexNameSessionRepository<Session> repository(DataSource dataSource) {
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		new SignInSessions().upsertSessionAttributes().customize(repository);
		repository.afterPropertiesSet();
		// Its session class is not public: the tests see its sessions as Spring Session's interface.
		return (FindByIndexNameSessionRepository) repository;
	}

}
