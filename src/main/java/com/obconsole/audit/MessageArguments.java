package com.obconsole.audit;

import java.util.ArrayList;
import java.util.List;

import com.obconsole.web.Sentence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message's arguments as the audit trail stores them (message_args): a JSON array of text, and of
 * {@code {"code": …, "arguments": […]}} for a sentence within the sentence. JSON, so that no
 * separator an engine's error text may hold can split an argument.
 */
final class MessageArguments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MessageArguments() {
	}

	static String write(List<Object> arguments) {
		return (arguments != null) ? JSON.writeValueAsString(array(arguments)) : null;
	}

	static List<Object> read(String stored) {
		return (stored != null) ? list(JSON.readTree(stored)) : null;
	}

	private static ArrayNode array(List<Object> arguments) {
		ArrayNode array = JSON.createArrayNode();
		for (Object argument : arguments) {
			if (argument instanceof Sentence sentence) {
				ObjectNode inner = array.addObject();
				inner.put("code", sentence.code());
				inner.set("arguments", array(sentence.arguments()));
			}
			else {
				array.add((String) argument);
			}
		}
		return array;
	}

	private static List<Object> list(JsonNode array) {
		List<Object> arguments = new ArrayList<>();
		for (JsonNode element : array) {
			arguments.add(element.isObject()
					? new Sentence(element.get("code").asString(), list(element.get("arguments")))
					: element.asString());
		}
		return arguments;
	}

}
