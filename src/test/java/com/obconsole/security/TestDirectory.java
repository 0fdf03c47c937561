package com.obconsole.security;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;

/**
 * A real LDAP directory (UnboundID's in-memory server, the real protocol on a random port of
 * 127.0.0.1) with people in groups, started once by the first test that asks for it.
 */
public final class TestDirectory {

	public static final String BASE = "dc=example,dc=com";

	public static final String PASSWORD = "directory-pw";

	/** In group console-operators. */
	public static final String OPERATOR = "dora";

	/** In group console-viewers. */
	public static final String VIEWER = "val";

	/** In group marketing only. */
	public static final String OUTSIDER = "mark";

	private static TestDirectory started;

	private final InMemoryDirectoryServer server;

	/** Simple binds the directory was asked for, by DN: what the console costs the directory. */
	private final Map<String, AtomicInteger> binds = new ConcurrentHashMap<>();

	private TestDirectory() throws LDAPException, LDIFException {
		InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
		config.setListenerConfigs(
				InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getLoopbackAddress(), 0, null));
		config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
			@Override
			public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
				TestDirectory.this.binds.computeIfAbsent(request.getRequest().getBindDN(), (dn) -> new AtomicInteger())
					.incrementAndGet();
			}
		});
		this.server = new InMemoryDirectoryServer(config);
		this.server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
		this.server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
		this.server.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
		for (String person : new String[] { OPERATOR, VIEWER, OUTSIDER }) {
			this.server.add("dn: uid=" + person + ",ou=people," + BASE, "objectClass: top", "objectClass: person",
					"objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + person, "cn: " + person,
					"sn: " + person, "userPassword: " + PASSWORD);
		}
		group("console-operators", OPERATOR);
		group("console-viewers", VIEWER);
		group("marketing", OUTSIDER, OPERATOR);
		this.server.startListening();
	}

	public static synchronized TestDirectory started() {
		if (started == null) {
			try {
				started = new TestDirectory();
			}
			catch (LDAPException | LDIFException ex) {
				throw new IllegalStateException("The test directory did not start", ex);
			}
		}
		return started;
	}

	/** How many simple binds as this person the directory has been asked for. */
	public int bindsOf(String person) {
		AtomicInteger count = this.binds.get("uid=" + person + ",ou=people," + BASE);
		return (count != null) ? count.get() : 0;
	}

	/** The URL, with the base DN, as {@code console.security.ldap.url} takes it. */
	public String url() {
		return "ldap://127.0.0.1:" + this.server.getListenPort() + "/" + BASE;
	}

	private void group(String name, String... members) throws LDAPException, LDIFException {
		String[] entry = new String[3 + members.length];
		entry[0] = "dn: cn=" + name + ",ou=groups," + BASE;
		entry[1] = "objectClass: groupOfNames";
		entry[2] = "cn: " + name;
		for (int i = 0; i < members.length; i++) {
			entry[3 + i] = "member: uid=" + members[i] + ",ou=people," + BASE;
		}
		this.server.add(entry);
	}

}
