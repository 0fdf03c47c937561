package com.obconsole.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The parameters of a request that acts (closes, traces), read exactly: a single-valued parameter
 * given twice, a value too long, or a word spelled otherwise than documented is refused, never
 * trimmed, folded or resolved first-wins. Binding does such things quietly ({@code @RequestParam
 * String} joins a repeated value with commas, the String-to-enum conversion trims, and
 * {@code String.trim()} strips NUL and every other control character), so actions read here.
 */
public final class ActionParams {

	/** The longest value of a parameter unless a caller says otherwise: names, words, ids. */
	public static final int MAX_LENGTH = 128;

	private final Map<String, String[]> values;

	private ActionParams(Map<String, String[]> values) {
		this.values = values;
	}

	/** Every parameter of the request, from its query string and its form body alike. */
	public static ActionParams of(HttpServletRequest request) {
		return new ActionParams(request.getParameterMap());
	}

	/**
	 * The one value of a parameter, exactly as sent, or {@code null} if it is absent.
	 * @throws InvalidInputException if it is given more than once or is longer than {@code maxLength}
	 */
	public String single(String name, int maxLength) {
		String[] given = this.values.get(name);
		if (given == null || given.length == 0) {
			return null;
		}
		if (given.length > 1) {
			throw new InvalidInputException(name, "input.once");
		}
		return bounded(name, given[0], maxLength);
	}

	/**
	 * A name (a tenant's): printable, with no space, control or invisible character anywhere, at most
	 * {@link #MAX_LENGTH} characters; {@code null} if absent or empty (a form's empty field).
	 * @throws InvalidInputException otherwise
	 */
	public String name(String name) {
		String value = single(name, MAX_LENGTH);
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (!value.codePoints().allMatch(ActionParams::isVisible)) {
			throw new InvalidInputException(name, "input.name", MAX_LENGTH);
		}
		return value;
	}

	/**
	 * The value a word stands for, matched exactly (case, spaces and all), or {@code null} if absent.
	 * @param choices the values, in the order the message lists their spellings
	 * @param spelling the documented spelling of each
	 * @throws InvalidInputException if it is given but is none of them, or given twice
	 */
	public <T> T choice(String name, List<T> choices, Function<T, String> spelling) {
		String value = single(name, MAX_LENGTH);
		return (value != null) ? choice(name, value, choices, spelling) : null;
	}

	/**
	 * What {@code value} stands for among the choices, matched exactly.
	 * @throws InvalidInputException if it is none of them
	 */
	public static <T> T choice(String name, String value, List<T> choices, Function<T, String> spelling) {
		for (T choice : choices) {
			if (spelling.apply(choice).equals(value)) {
				return choice;
			}
		}
		throw new InvalidInputException(name, "input.choice",
				String.join(", ", choices.stream().map(spelling).toList()));
	}

	/**
	 * Every value of a multi-valued parameter, in order; empty if absent.
	 * @throws InvalidInputException if there are more than {@code maxCount} or one is too long
	 */
	public List<String> all(String name, int maxCount, int maxLength) {
		String[] given = this.values.getOrDefault(name, new String[0]);
		if (given.length > maxCount) {
			throw new InvalidInputException(name, "input.tooMany", maxCount);
		}
		return Arrays.stream(given).map((value) -> bounded(name, value, maxLength)).toList();
	}

	private static String bounded(String name, String value, int maxLength) {
		if (value.length() > maxLength) {
			throw new InvalidInputException(name, "input.tooLong", maxLength);
		}
		return value;
	}

	/** Neither a control, format (zero-width), space or separator character, nor unassigned. */
	static boolean isVisible(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE ->
				false;
			default -> true;
		};
	}

}
