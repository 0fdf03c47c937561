package com.obconsole;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OB Session Console: browse, filter and close the sessions of OceanBase tenants and MySQL/MariaDB servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SessionConsoleApplication.class, args);
	}

}
