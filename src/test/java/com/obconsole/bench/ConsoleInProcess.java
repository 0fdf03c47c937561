package com.obconsole.bench;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.obconsole.SessionConsoleApplication;
import com.obconsole.engine.EngineInfo;
import com.obconsole.engine.SessionDialect;
import com.obconsole.localengine.LocalServer;
import com.obconsole.session.SessionSnapshots;
import com.obconsole.targets.Target;
import com.obconsole.targets.TargetMonitor;
import com.obconsole.targets.Targets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real console, started in this JVM with {@code SpringApplication} on a random port, with one
 * target ({@value #TARGET}) on the engine under test.
 */
final class ConsoleInProcess implements AutoCloseable {

	static final String TARGET = "bench";

	private final ConfigurableApplicationContext context;

	private final Http http;

	private final Http tokenHttp;

	private final String tenant;

	private ConsoleInProcess(ConfigurableApplicationContext context, Http http, Http tokenHttp, String tenant) {
		this.context = context;
		this.http = http;
		this.tokenHttp = tokenHttp;
		this.tenant = tenant;
	}

	/**
	 * @param snapshotMaxAge {@code console.sessions.snapshot-max-age}, or {@code null} for the default
	 * @param logFile where the console's log goes (warnings also reach stdout)
	 */
	static ConsoleInProcess start(LocalServer server, String snapshotMaxAge, String logFile) throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.threshold.console", "WARN");
		properties.put("logging.file.name", logFile);
		properties.put("console.targets[0].name", TARGET);
		properties.put("console.targets[0].url", server.jdbcUrl());
		properties.put("console.targets[0].username", server.username());
		properties.put("console.targets[0].password", server.password());
		if (snapshotMaxAge != null) {
			properties.put("console.sessions.snapshot-max-age", snapshotMaxAge);
		}
		String[] credentials = credentials(properties);
		// As command-line arguments: they outrank application.yml (whose console.targets is empty).
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SessionConsoleApplication.class)
			.run(args);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Http http = new Http("http://127.0.0.1:" + port, credentials[0], credentials[1]);
		Target target = context.getBean(Targets.class).require(TARGET);
		EngineInfo engine = context.getBean(TargetMonitor.class).engine(target);
		if (engine == null) {
			context.close();
			throw new IllegalStateException("the console could not reach " + server.jdbcUrl() + ": "
					+ context.getBean(TargetMonitor.class).status(target).error());
		}
		return new ConsoleInProcess(context, http, tokenHttp(http, "http://127.0.0.1:" + port), engine.tenant());
	}

	/**
	 * HTTP Basic credentials: {@code -Dbench.user} and {@code -Dbench.password} if given. Where
	 * sign-in is on (Spring Security on the classpath) and no console user is configured, the
	 * benchmark configures one of its own, an ADMIN with a random password and its bcrypt hash.
	 */
	private static String[] credentials(Map<String, Object> properties) throws Exception {
		String user = System.getProperty("bench.user");
		String password = System.getProperty("bench.password");
		if (user != null && !user.isEmpty()) {
			return new String[] { user, password };
		}
		Class<?> bcrypt;
		try {
			bcrypt = Class.forName("org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder");
		}
		catch (ClassNotFoundException ex) {
			return new String[] { null, null };
		}
		if (System.getProperty("console.security.users[0].username") != null) {
			return new String[] { null, null };
		}
		String generated = UUID.randomUUID().toString();
		Object encoder = bcrypt.getConstructor(int.class).newInstance(10);
		Method encode = bcrypt.getMethod("encode", CharSequence.class);
		properties.put("console.security.users[0].username", "bench-admin");
		properties.put("console.security.users[0].password-hash", encode.invoke(encoder, generated));
		properties.put("console.security.users[0].roles[0]", "ADMIN");
		return new String[] { "bench-admin", generated };
	}

	/**
	 * An API token of the benchmark's user, made through the API with HTTP Basic as a script would;
	 * none (the Basic client) where the console has no sign-in or no tokens.
	 */
	private static Http tokenHttp(Http basic, String base) throws Exception {
		Http.Answer made = basic.post("/api/tokens",
				"{\"name\":\"bench-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"ADMIN\",\"expiresInDays\":1}");
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\":\"(obsc_[A-Za-z0-9_-]+)\"")
			.matcher(made.body());
		if (made.status() != 201 || !token.find()) {
			System.out.println("   (no API token: " + made.status() + " " + made.body() + "; token figures use HTTP Basic)");
			return basic;
		}
		return new Http(base, "Bearer " + token.group(1));
	}

	/** The API with HTTP Basic, as a script with a password calls it. */
	Http http() {
		return this.http;
	}

	/** The API with a token (Authorization: Bearer), as a script should call it. */
	Http tokenHttp() {
		return this.tokenHttp;
	}

	/** The tenant to ask for: the connection's own tenant on OceanBase, none elsewhere. */
	String tenant() {
		return this.tenant;
	}

	/** The path of the session list, with {@code tenant} where there is one and the given query. */
	String sessionsPath(String query) {
		StringBuilder path = new StringBuilder("/api/targets/" + TARGET + "/sessions");
		String separator = "?";
		if (this.tenant != null) {
			path.append("?tenant=").append(this.tenant);
			separator = "&";
		}
		if (query != null && !query.isEmpty()) {
			path.append(separator).append(query);
		}
		return path.toString();
	}

	/** The lock tree's API path, every wait shown. */
	String locksPath() {
		return "/api/targets/" + TARGET + "/locks?minWaitMs=0" + ((this.tenant != null) ? "&tenant=" + this.tenant : "");
	}

	/** The SQL the console's dialect runs for the list, named parameter {@code :tenant} included. */
	java.util.List<String> processlistSql() {
		return dialect().sessionsSql(this.tenant);
	}

	SessionDialect dialect() {
		Target target = this.context.getBean(Targets.class).require(TARGET);
		return this.context.getBean(SessionSnapshots.class).dialect(target);
	}

	/** {@code console.processlist.reads} for the target, every tenant tag summed. */
	double processlistReads() {
		return this.context.getBean(MeterRegistry.class)
			.find("console.processlist.reads")
			.tag("target", TARGET)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/** {@code console.processlist.read.time}: [count, total ms] for the target. */
	/** A bean of the running console, for steps that time one part of it in-process. */
	<T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	double[] readTime() {
		return timer("console.processlist.read.time");
	}

	/** A timer of the console's for the target: [count, total ms]. */
	double[] timer(String name) {
		double count = 0;
		double millis = 0;
		for (Timer timer : this.context.getBean(MeterRegistry.class)
			.find(name)
			.tag("target", TARGET)
			.timers()) {
			count += timer.count();
			millis += timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		return new double[] { count, millis };
	}

	@Override
	public void close() {
		if (this.tokenHttp != this.http) {
			this.tokenHttp.close();
		}
		this.http.close();
		this.context.close();
	}

}
