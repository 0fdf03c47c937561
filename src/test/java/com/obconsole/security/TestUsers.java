package com.obconsole.security;

/** The users of application-test.yml, which every test run has. */
public final class TestUsers {

	public static final String ADMIN = "admin";

	public static final String OPERATOR = "operator";

	public static final String VIEWER = "viewer";

	/** The password of all three. */
	public static final String PASSWORD = "console-test-pw";

	private TestUsers() {
	}

}
