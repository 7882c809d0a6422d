import ts from 'typescript'

/**
 * Reads compiled JavaScript with TypeScript's parser, so checks of the build look at code
 * (object literals, calls, enclosing functions) rather than at text that happens to match.
 */
export interface CompiledFile {
  source: ts.SourceFile
  /** Every node of the file, depth first. */
  nodes: ts.Node[]
}

export function parseCompiled(fileName: string, text: string): CompiledFile {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const nodes: ts.Node[] = []
  const visit = (node: ts.Node) => {
    nodes.push(node)
    node.forEachChild(visit)
  }
  visit(source)
  return { source, nodes }
}

export function propertyName(node: ts.ObjectLiteralElementLike): string | undefined {
  const name = node.name
  if (name === undefined) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text
  return undefined
}

/** The literal value of an expression when it is one (true, false, a string, a number), else a marker. */
export function literalValue(expression: ts.Expression): unknown {
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text
  if (ts.isNumericLiteral(expression)) return Number(expression.text)
  return { notALiteral: expression.getText() }
}

/** `{ name: value }` properties of every object literal, wherever they are. */
export function propertiesNamed(file: CompiledFile, name: string): ts.PropertyAssignment[] {
  return file.nodes.filter((node): node is ts.PropertyAssignment => ts.isPropertyAssignment(node) && propertyName(node) === name)
}

/** The literal properties of an object literal, by name. */
export function literalProperties(object: ts.ObjectLiteralExpression): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const property of object.properties) {
    const name = propertyName(property)
    if (name === undefined) continue
    properties[name] = ts.isPropertyAssignment(property) ? literalValue(property.initializer) : { notALiteral: property.getText() }
  }
  return properties
}

/** Calls of `something.method(...)` (or `method(...)`) for the given method name. */
export function callsOf(file: CompiledFile, method: string): ts.CallExpression[] {
  return file.nodes.filter((node): node is ts.CallExpression => {
    if (!ts.isCallExpression(node)) return false
    const callee = node.expression
    return (ts.isPropertyAccessExpression(callee) && callee.name.text === method) || (ts.isIdentifier(callee) && callee.text === method)
  })
}

/** The receiver of `receiver.method(...)`, as written. */
export function receiverOf(call: ts.CallExpression): string | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.expression.getText() : undefined
}

export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current) || ts.isMethodDeclaration(current)) return current
  }
  return undefined
}

/** The function declared with this name, if the build kept it. */
export function functionNamed(file: CompiledFile, name: string): ts.FunctionDeclaration | undefined {
  return file.nodes.find((node): node is ts.FunctionDeclaration => ts.isFunctionDeclaration(node) && node.name?.text === name)
}
