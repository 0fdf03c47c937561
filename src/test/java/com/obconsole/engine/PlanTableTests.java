package com.obconsole.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tabular plans drawn as aligned text, and OceanBase's plan text kept in lines. */
class PlanTableTests {

	@Test
	void columnsAreAsWideAsTheirWidestValueAndNullReadsNull() {
		Map<String, String> first = new LinkedHashMap<>();
		first.put("id", "1");
		first.put("table", "orders");
		first.put("key", null);
		Map<String, String> second = new LinkedHashMap<>();
		second.put("id", "10");
		second.put("table", "a\nb");
		second.put("key", "PRIMARY");
		String text = PlanTable.render(List.of("id", "table", "key"), List.of(first, second));
		assertThat(text.lines().toList()).containsExactly(
				"+----+--------+---------+",
				"| id | table  | key     |",
				"+----+--------+---------+",
				"| 1  | orders | NULL    |",
				"| 10 | a b    | PRIMARY |",
				"+----+--------+---------+");
	}

	@Test
	void aTextWithLiteralBackslashNIsDrawnInLinesAndRealLineBreaksAreKept() {
		assertThat(OceanBasePlans.lines("|ID|OPERATOR|\\n|0 |SCAN|")).isEqualTo("|ID|OPERATOR|\n|0 |SCAN|");
		// A real plan with line breaks keeps a backslash-n that a literal in it may hold.
		assertThat(OceanBasePlans.lines("|0 |SCAN|\nfilter([a.s = 'x\\ny'])")).isEqualTo("|0 |SCAN|\nfilter([a.s = 'x\\ny'])");
	}

}
