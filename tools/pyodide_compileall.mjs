// Byte-compiles a folder with the very Python the browser runs (Pyodide, in Node), so that the
// web build ships .pyc files of the right version and the page does not compile at each visit.
// Usage: node tools/pyodide_compileall.mjs <pyodide folder> <folder to compile>
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, folder] = process.argv.slice(2).map((path) => resolve(path));
const { loadPyodide } = await import(pathToFileURL(`${runtime}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${runtime}/` });
pyodide.FS.mkdirTree("/app");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, "/app");
const ok = pyodide.runPython(`
import compileall, py_compile
compileall.compile_dir(
    "/app", quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
)
`);
process.exit(ok ? 0 : 1);
