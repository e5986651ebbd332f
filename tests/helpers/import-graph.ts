/**
 * The engine's import graph, read with the TypeScript compiler (not text patterns): every
 * import, export-from, `import x = require()`, `require()` call and dynamic `import()` of
 * each file, and what each resolves to.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

export interface ImportUse {
  file: string;
  specifier: string;
  kind: "import" | "export" | "import-equals" | "require" | "dynamic-import";
  line: number;
}

/** Every module a file names, however it names it. A non-literal specifier is kept as `<expression>`. */
export function importsOf(file: string, text = fs.readFileSync(file, "utf8")): ImportUse[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const uses: ImportUse[] = [];
  const add = (node: ts.Node, kind: ImportUse["kind"], spec: ts.Expression | undefined) => {
    const specifier = spec && ts.isStringLiteralLike(spec) ? spec.text : "<expression>";
    uses.push({ file, specifier, kind, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, "import", node.moduleSpecifier);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, "export", node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, "import-equals", node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, "dynamic-import", node.arguments[0]);
      else if (ts.isIdentifier(node.expression) && node.expression.text === "require") add(node, "require", node.arguments[0]);
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import("fs")` in a type position names a module too.
      const arg = node.argument;
      add(node, "import", ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal) ? arg.literal : undefined);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** The .ts/.tsx files under a folder. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * What breaks "the engine imports only zod and itself": a dynamic import or a require (the
 * engine loads nothing at run time), a package other than zod, a relative path that leaves
 * the folder.
 */
export function purityViolations(root: string, allowedPackages: readonly string[] = ["zod"]): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const use of importsOf(file)) {
      const where = `${path.relative(root, use.file)}:${use.line}`;
      if (use.kind === "dynamic-import" || use.kind === "require") {
        out.push(`${where} loads '${use.specifier}' with ${use.kind === "require" ? "require()" : "import()"}`);
      } else if (use.specifier.startsWith(".")) {
        const target = path.resolve(path.dirname(use.file), use.specifier);
        if (path.relative(root, target).startsWith("..")) out.push(`${where} imports '${use.specifier}', outside the engine`);
      } else if (!allowedPackages.includes(use.specifier)) {
        out.push(`${where} imports the package '${use.specifier}'`);
      }
    }
  }
  return out;
}
