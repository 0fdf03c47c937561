package com.obconsole.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the bcrypt hash of a password for {@code console.security.users[i].password-hash}. The
 * password is read from the terminal (or standard input), never from the command line, so that it
 * stays out of shell history and the process list.
 */
public final class HashPassword {

	private HashPassword() {
	}

	public static void main(String[] args) throws IOException {
		String password = read();
		if (password == null || password.isEmpty()) {
			System.err.println("No password given.");
			System.exit(1);
		}
		System.out.println(new BCryptPasswordEncoder(10).encode(password));
	}

	private static String read() throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("Password: ");
			return (typed != null) ? new String(typed) : null;
		}
		return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
	}

}
