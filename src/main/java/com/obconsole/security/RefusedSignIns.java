package com.obconsole.security;

import java.time.Clock;
import java.util.Collection;

import com.obconsole.audit.AuditAction;
import com.obconsole.audit.AuditRecord;
import com.obconsole.audit.AuditTrail;
import com.obconsole.web.Sentence;
import com.obconsole.web.Sentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Refuses, and audits, a sign-in whose user the provider or directory knows but the console gives
 * no role: a leaver removed from the DBA groups, or a colleague who was never in them. The audit
 * record's actor is the user, its route how they came (OIDC, LDAP), its detail their groups.
 */
@Component
class RefusedSignIns {

	private static final Logger log = LoggerFactory.getLogger(RefusedSignIns.class);

	/** The audit trail's actor column. */
	private static final int MAX_ACTOR = 128;

	private final AuditTrail audit;

	private final Sentences sentences;

	private final Clock clock;

	RefusedSignIns(AuditTrail audit, Sentences sentences, Clock clock) {
		this.audit = audit;
		this.sentences = sentences;
		this.clock = clock;
	}

	/** Records the refusal; the exception to throw. */
	NoConsoleRoleException noRole(String username, Collection<String> groups, String via) {
		String actor = (username.length() > MAX_ACTOR) ? username.substring(0, MAX_ACTOR) : username;
		Sentence said = Sentence.of("signin.refused.noRole", actor, via);
		try {
			this.audit.record(new AuditRecord(this.clock.instant(), actor, null, null, null, null, null, null, null,
					null, null, AuditAction.SIGN_IN, via, "REFUSED", this.sentences.english(said), "groups=" + groups,
					said));
		}
		catch (RuntimeException ex) {
			// The audit trail logged the record in full; the refusal stands either way.
			log.error("Could not audit the refused sign-in of {} ({})", actor, via, ex);
		}
		log.warn("Refused the sign-in of {} through {}: no console role for groups {}", actor, via, groups);
		return new NoConsoleRoleException(actor);
	}

}
