package com.obconsole.session;

import java.util.List;

import com.obconsole.engine.Session;

/**
 * One page of a filtered, sorted snapshot.
 *
 * @param figures header figures over every session of the snapshot
 * @param matching how many sessions match the filters
 * @param page this page's number, from 1
 * @param size rows per page
 * @param sessions the rows of this page
 */
public record SessionPage(SessionFigures figures, int matching, int page, int size, List<Session> sessions) {

	public int pages() {
		return Math.max(1, (this.matching + this.size - 1) / this.size);
	}

}
