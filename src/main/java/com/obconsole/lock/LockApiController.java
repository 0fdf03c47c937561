package com.obconsole.lock;

import java.util.Locale;

import com.obconsole.web.ActionParams;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/targets/{target}/locks?tenant=&minWaitMs=}: the lock tree as JSON. */
@RestController
class LockApiController {

	private final LockService locks;

	private final MessageSource messages;

	LockApiController(LockService locks, MessageSource messages) {
		this.locks = locks;
		this.messages = messages;
	}

	@GetMapping("/api/targets/{target}/locks")
	LockTreeJson locks(@PathVariable String target, HttpServletRequest request, Locale locale) {
		ActionParams params = ActionParams.of(request);
		String tenant = params.name("tenant");
		long minWaitMs = LockService.minWaitMs(params);
		LockTree tree = this.locks.tree(target, tenant, minWaitMs);
		String unavailable = tree.isAvailable() ? null
				: this.messages.getMessage(tree.unavailable(), new Object[] { tree.source() }, locale);
		return LockTreeJson.of(target, tenant, tree, unavailable);
	}

}
