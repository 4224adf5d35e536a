// The registry this project's machines reach does not serve every platform build of some native
// packages (e.g. @unrs/resolver-binding-* for Android, macOS, Windows). `npm install` then leaves
// those optional packages out of package-lock.json but keeps naming them as optional dependencies,
// and `npm ci` refuses such a lock. This drops optional-dependency names that have no entry in the
// lock, which is exactly what npm does for a platform it cannot install. Run after changing deps.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
let removed = 0;
for (const [location, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    const nested = location === '' ? `node_modules/${name}` : `${location}/node_modules/${name}`;
    if (!(nested in packages) && !(`node_modules/${name}` in packages)) {
      delete optional[name];
      removed += 1;
    }
  }
}
if (removed > 0) {
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`prune-lockfile: dropped ${removed} optional dependencies the registry does not serve`);
}
