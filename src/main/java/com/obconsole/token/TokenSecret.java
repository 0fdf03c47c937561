package com.obconsole.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes tokens and their hashes. A token is {@value #PREFIX} and 256 random bits in base64url
 * (43 characters): the prefix lets secret scanners and people recognise one. 256 random bits need
 * no slow hash: SHA-256 cannot be reversed and there is nothing to guess.
 */
final class TokenSecret {

	static final String PREFIX = "obsc_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenSecret() {
	}

	static String newToken() {
		byte[] bits = new byte[32];
		RANDOM.nextBytes(bits);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	/** Whether the text has a token's shape; anything else is refused without a lookup. */
	static boolean looksLikeToken(String text) {
		return text.length() == PREFIX.length() + 43 && text.startsWith(PREFIX)
				&& text.substring(PREFIX.length()).chars().allMatch(TokenSecret::isBase64Url);
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	static String sha256Hex(String token) {
		return HexFormat.of().formatHex(sha256(token));
	}

	private static boolean isBase64Url(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
