package com.obconsole.cluster;

/**
 * Marks the page controller of a Session Management tab that lives outside this package (Row Lock
 * Analysis, Deadlock Analysis), so that an unknown cluster or tenant there gets the same 404 page as
 * on the other tabs ({@link ClusterPageErrors}).
 */
public interface ManagementTabController {

}
