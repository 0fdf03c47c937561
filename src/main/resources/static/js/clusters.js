/*
 * Session Management's tenant selector: choosing a tenant reloads the tab for that tenant and keeps
 * the rest of the view (filters, sort, size, refresh) from the URL, which htmx keeps current as the
 * list changes. Without this file the selector's form does the same with the view as first loaded.
 */
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!(select instanceof Element) || !select.matches('select[data-tenant-select]')) {
      return;
    }
    var url = new URL(window.location.href);
    url.searchParams.set('tenant', select.value);
    url.searchParams.delete('page');
    window.location.assign(url.toString());
  });
}());
