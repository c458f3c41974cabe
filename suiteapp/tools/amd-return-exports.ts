/**
 * tsc's AMD output attaches exports to the `exports` object. NetSuite accepts that, but
 * eslint-plugin-suitescript's `entry-points` rule only recognises a factory that *returns* an object
 * literal of entry points, as hand-written SuiteScript does. For entry scripts this transformer
 * (run after the module transform) ends the define() factory with
 * `return { get: get, post: post, other: exports.other };` listing every export, so the module
 * value NetSuite sees is unchanged and the rule is satisfied.
 */
import * as ts from 'typescript';

function exportsMember(node: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const target = node.expression;
  return ts.isIdentifier(target) && ts.idText(target) === 'exports' ? ts.idText(node.name) : undefined;
}

function isVoidZero(node: ts.Expression): boolean {
  return ts.isVoidExpression(node);
}

/** Export name → local identifier holding it (undefined when only `exports.name` has it). */
function collectExports(body: readonly ts.Statement[]): Map<string, ts.Identifier | undefined> {
  const found = new Map<string, ts.Identifier | undefined>();
  const note = (name: string, value: ts.Expression | undefined): void => {
    if (name === '__esModule') return;
    const local = value !== undefined && ts.isIdentifier(value) ? value : undefined;
    if (local !== undefined || !found.has(name)) found.set(name, local);
  };
  for (const statement of body) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    if (ts.isCallExpression(expression)) {
      const [target, name] = expression.arguments;
      const callee = expression.expression;
      const isDefineProperty =
        ts.isPropertyAccessExpression(callee) &&
        ts.idText(callee.name) === 'defineProperty' &&
        target !== undefined &&
        ts.isIdentifier(target) &&
        ts.idText(target) === 'exports';
      if (isDefineProperty && name !== undefined && ts.isStringLiteral(name)) note(name.text, undefined);
      continue;
    }
    let current: ts.Expression = expression;
    while (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = exportsMember(current.left);
      if (name === undefined) break;
      const right = current.right;
      const isChain = ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      note(name, isChain || isVoidZero(right) ? undefined : right);
      current = right;
    }
  }
  return found;
}

function returnStatementFor(
  factory: ts.NodeFactory,
  exported: Map<string, ts.Identifier | undefined>,
): ts.Statement {
  const properties = [...exported].map(([name, local]) =>
    factory.createPropertyAssignment(
      name,
      local !== undefined
        ? factory.createIdentifier(ts.idText(local))
        : factory.createPropertyAccessExpression(factory.createIdentifier('exports'), name),
    ),
  );
  return factory.createReturnStatement(factory.createObjectLiteralExpression(properties, true));
}

export const returnEntryPoints: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
  const { factory } = context;
  const statements = sourceFile.statements.map((statement) => {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return statement;
    const call = statement.expression;
    if (!ts.isIdentifier(call.expression) || ts.idText(call.expression) !== 'define') return statement;
    const callback = call.arguments[call.arguments.length - 1];
    if (callback === undefined || !ts.isFunctionExpression(callback)) return statement;
    const body = callback.body.statements;
    if (body.some(ts.isReturnStatement)) return statement;
    const exported = collectExports(body);
    if (exported.size === 0) return statement;
    const newCallback = factory.updateFunctionExpression(
      callback,
      callback.modifiers,
      callback.asteriskToken,
      callback.name,
      callback.typeParameters,
      callback.parameters,
      callback.type,
      factory.updateBlock(callback.body, [...body, returnStatementFor(factory, exported)]),
    );
    const newCall = factory.updateCallExpression(call, call.expression, call.typeArguments, [
      ...call.arguments.slice(0, -1),
      newCallback,
    ]);
    return factory.updateExpressionStatement(statement, newCall);
  });
  return factory.updateSourceFile(sourceFile, statements);
};
