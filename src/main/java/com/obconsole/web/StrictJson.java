package com.obconsole.web;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read as exactly as parameters. application.yml refuses repeated and unknown
 * fields, strings for numbers and fractions for whole numbers; this refuses the other way round,
 * which {@code allow-coercion-of-scalars} leaves open: a number or boolean where a text is expected
 * ({@code "user": 1} read as "1").
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer noScalarsAsText() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (text) -> text
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
