package com.obconsole.session;

/**
 * What a viewer gets: the snapshot's instant and the page of it they asked for.
 *
 * @param snapshot the snapshot the page was cut from
 * @param page the filtered, sorted page
 */
public record SessionList(SessionSnapshot snapshot, SessionPage page) {
}
