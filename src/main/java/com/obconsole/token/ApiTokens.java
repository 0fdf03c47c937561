package com.obconsole.token;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.security.Role;
import com.obconsole.security.UserRoles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and checks API tokens. Checking a call is a SHA-256 and a map lookup in
 * memory: the tokens are read from the console's database at start-up, after every change made
 * here, and at most {@link #RELOAD} apart (for changes made by another console on the same
 * database). "Last used" is written at most once a {@link #LAST_USED_STEP} per token.
 */
@Service
public class ApiTokens {

	static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

	static final Duration RELOAD = Duration.ofSeconds(30);

	/** The longest a token may live. */
	static final int MAX_DAYS = 366;

	private final JdbcApiTokens store;

	private final AuditTrail audit;

	private final UserRoles users;

	private final Clock clock;

	private volatile Map<String, ApiToken> bySha256 = Map.of();

	private volatile Instant loaded = Instant.EPOCH;

	/** Last-used times written, per token id, so that a busy token costs one UPDATE a minute. */
	private final Map<Long, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	@Autowired
	ApiTokens(JdbcApiTokens store, AuditTrail audit, UserRoles users) {
		this(store, audit, users, Clock.systemUTC());
	}

	ApiTokens(JdbcApiTokens store, AuditTrail audit, UserRoles users, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Makes a token; its text is in the answer and nowhere else, ever.
	 *
	 * @param actor who asks
	 * @param actorRole the highest role of who asks
	 * @param owner whom it acts for: the actor, or anyone if the actor is an admin
	 */
	public CreatedToken create(String actor, Role actorRole, String owner, String name, Role role, int days) {
		Instant now = this.clock.instant();
		if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
			throw new TokenRequestException("token.bad.name", name);
		}
		if (days < 1 || days > MAX_DAYS) {
			throw new TokenRequestException("token.bad.days", days, MAX_DAYS);
		}
		if (!owner.equals(actor) && actorRole != Role.ADMIN) {
			throw new TokenRequestException("token.bad.owner", owner);
		}
		Role ownerRole = this.users.highestRole(owner).orElseThrow(() -> new TokenRequestException("token.bad.user", owner));
		if (!this.users.allows(owner, role)) {
			throw new TokenRequestException("token.bad.role", role, owner, ownerRole);
		}
		reloadIfOld();
		if (this.bySha256.values().stream().anyMatch((t) -> t.owner().equals(owner) && t.name().equals(name) && t.isValidAt(now))) {
			throw new TokenRequestException("token.bad.duplicate", name, owner);
		}
		String token = TokenSecret.newToken();
		Instant expires = now.plus(Duration.ofDays(days));
		AuditRecord intent = record(actor, AuditAction.TOKEN_CREATE, AuditRecord.UNKNOWN,
				"name=" + name + "; owner=" + owner + "; role=" + role + "; expires=" + expires);
		long intentId = this.audit.intend(intent);
		long id = this.store.insert(name, owner, role, TokenSecret.sha256Hex(token), now, expires);
		this.audit.complete(intentId, record(actor, AuditAction.TOKEN_CREATE, "CREATED", intent.detail() + "; id=" + id));
		reload();
		return new CreatedToken(token, find(id).orElseThrow());
	}

	/** The tokens a user may see: their own; an admin's are everyone's. */
	public List<ApiToken> visibleTo(String user, Role role) {
		reloadIfOld();
		return this.store.all().stream().filter((t) -> role == Role.ADMIN || t.owner().equals(user)).toList();
	}

	/** Revokes a token of the user's own, or anyone's if an admin; the next call with it is refused. */
	public ApiToken revoke(String actor, Role actorRole, long id) {
		ApiToken token = find(id).filter((t) -> actorRole == Role.ADMIN || t.owner().equals(actor))
			.orElseThrow(() -> new TokenNotFoundException(Long.toString(id)));
		if (token.revoked() != null) {
			return token;
		}
		String detail = "name=" + token.name() + "; owner=" + token.owner() + "; id=" + id;
		long intentId = this.audit.intend(record(actor, AuditAction.TOKEN_REVOKE, AuditRecord.UNKNOWN, detail));
		this.store.revoke(id, this.clock.instant());
		// At once here, whatever happens to the audit record below.
		reload();
		this.audit.complete(intentId, record(actor, AuditAction.TOKEN_REVOKE, "REVOKED", detail));
		return find(id).orElseThrow();
	}

	/**
	 * The token a call presents, if it is valid now and its owner may still do what it allows; a
	 * token whose owner was removed or lost the role no longer works.
	 */
	public Optional<ApiToken> check(String presented) {
		if (presented == null || !TokenSecret.looksLikeToken(presented)) {
			return Optional.empty();
		}
		reloadIfOld();
		byte[] sha256 = TokenSecret.sha256(presented);
		ApiToken token = this.bySha256.get(HexFormat.of().formatHex(sha256));
		Instant now = this.clock.instant();
		// The map finds it by hash; the comparison that decides takes the same time whatever differs.
		if (token == null || !MessageDigest.isEqual(sha256, HexFormat.of().parseHex(token.sha256()))
				|| !token.isValidAt(now)) {
			return Optional.empty();
		}
		if (!this.users.allows(token.owner(), token.role())) {
			return Optional.empty();
		}
		noteUse(token, now);
		return Optional.of(token);
	}

	private void noteUse(ApiToken token, Instant now) {
		Instant[] write = new Instant[1];
		// Atomic per token: of many calls in the same second, one writes.
		this.lastUsedWritten.compute(token.id(), (id, written) -> {
			Instant last = (written != null) ? written : token.lastUsed();
			if (last != null && Duration.between(last, now).compareTo(LAST_USED_STEP) < 0) {
				return last;
			}
			write[0] = now;
			return now;
		});
		if (write[0] != null) {
			this.store.used(token.id(), now);
			Map<String, ApiToken> copy = new ConcurrentHashMap<>(this.bySha256);
			copy.put(token.sha256(), token.usedAt(now));
			this.bySha256 = copy;
		}
	}

	private Optional<ApiToken> find(long id) {
		return this.store.all().stream().filter((t) -> t.id() == id).findFirst();
	}

	private void reloadIfOld() {
		if (Duration.between(this.loaded, this.clock.instant()).compareTo(RELOAD) >= 0) {
			reload();
		}
	}

	private synchronized void reload() {
		this.bySha256 = this.store.all().stream().collect(Collectors.toUnmodifiableMap(ApiToken::sha256, Function.identity()));
		this.loaded = this.clock.instant();
	}

	private AuditRecord record(String actor, AuditAction action, String outcome, String detail) {
		return new AuditRecord(this.clock.instant(), actor, null, null, null, null, null, null, null, null, null, action,
				null, outcome, null, detail);
	}

	/** A token just made: its text, shown once, and how it is kept. */
	public record CreatedToken(String token, ApiToken kept) {
	}

}
