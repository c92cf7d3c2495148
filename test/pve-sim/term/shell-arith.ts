// Integer arithmetic for the fake shell's $((…)): + - * / % and parentheses, as bash evaluates them (no eval).
export class ArithError extends Error {}

export function evaluateArithmetic(expr: string): bigint {
  const tokens = expr.match(/\d+|[-+*/%()]|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string | undefined => tokens[i++];

  function primary(): bigint {
    const t = take();
    if (t === undefined) throw new ArithError('syntax error: operand expected');
    if (t === '(') {
      const v = sum();
      if (take() !== ')') throw new ArithError("missing `)'");
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (/^\d+$/.test(t)) return BigInt(t);
    throw new ArithError(`syntax error: operand expected (error token is "${t}")`);
  }
  function product(): bigint {
    let v = primary();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      take();
      const r = primary();
      if (op !== '*' && r === 0n) throw new ArithError('division by 0');
      v = op === '*' ? v * r : op === '/' ? v / r : v % r;
    }
    return v;
  }
  function sum(): bigint {
    let v = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      take();
      v = op === '+' ? v + product() : v - product();
    }
    return v;
  }

  const value = sum();
  if (i < tokens.length) throw new ArithError(`syntax error in expression (error token is "${tokens[i]}")`);
  return value;
}
