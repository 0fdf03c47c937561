package com.obconsole.targets;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

import com.obconsole.web.Sentence;

/** Turns a failure to reach a target into one sentence a DBA can act on, never a stack trace. */
final class ConnectionProblem {

	private ConnectionProblem() {
	}

	/**
	 * Whether the failure was in reaching the target (connect, login, or a connection that broke or
	 * went silent) rather than an answer from it.
	 */
	static boolean isConnectionFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof SocketException
					|| t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
				return true;
			}
			// SQLSTATE class 08: connection exception, whatever the driver calls it.
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/** Why, as a sentence (codes {@code target.problem.*}); the driver's own text is an argument. */
	static Sentence describe(Throwable failure, String address, Duration connectTimeout) {
		String seconds = seconds(connectTimeout);
		SQLException sqlError = null;
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnknownHostException) {
				return Sentence.of("target.problem.unknownHost", host(address));
			}
			if (t instanceof NoRouteToHostException) {
				return Sentence.of("target.problem.noRoute", address, seconds);
			}
			if (t instanceof ConnectException) {
				return Sentence.of("target.problem.refused", address, seconds);
			}
			if (t instanceof SocketTimeoutException) {
				return Sentence.of("target.problem.noAnswer", address, seconds);
			}
			if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
				sqlError = sql;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		if (sqlError != null) {
			return describeSqlError(sqlError, address);
		}
		String message = deepestMessage(failure);
		if (message.toLowerCase(Locale.ROOT).contains("timed out")) {
			return Sentence.of("target.problem.noAnswer", address, seconds);
		}
		return Sentence.of("target.problem.cannotConnect", address, message);
	}

	private static Sentence describeSqlError(SQLException error, String address) {
		return switch (error.getErrorCode()) {
			case 1045 -> Sentence.of("target.problem.accessDenied", address, error.getMessage());
			case 1049 -> Sentence.of("target.problem.unknownDatabase", address, error.getMessage());
			default -> Sentence.of("target.problem.engineError", error.getErrorCode(), address, error.getMessage());
		};
	}

	private static String deepestMessage(Throwable failure) {
		String message = failure.getClass().getSimpleName();
		for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
			if (t.getMessage() != null && !t.getMessage().isBlank()) {
				message = t.getMessage().lines().findFirst().orElse(message);
			}
		}
		return message;
	}

	private static String host(String address) {
		int colon = address.lastIndexOf(':');
		return (colon > 0) ? address.substring(0, colon) : address;
	}

	static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
