package com.obconsole.instances;

import com.obconsole.localengine.ConsoleDatabases;

/** {@link SeveralInstancesTests} with the console's database on seekdb (OceanBase's engine), the target still MariaDB. */
class SeveralInstancesOnSeekdbTests extends SeveralInstancesTests {

	@Override
	ConsoleDatabases consoleDatabase() {
		return ConsoleDatabases.SEEKDB;
	}

}
