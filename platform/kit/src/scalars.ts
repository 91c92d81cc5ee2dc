import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `Date`: a calendar date as `AAAA-MM-GG`, as the flows write it (xs:date).
 * Every subgraph that declares `scalar Date` maps it to this.
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Data di calendario AAAA-MM-GG',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value.slice(0, 10))) return value.slice(0, 10);
    throw new GraphQLError('Data non valida');
  },
  parseValue(value) {
    if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
    throw new GraphQLError('Data non valida: usare il formato AAAA-MM-GG', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && ISO_DATE.test(ast.value) && !Number.isNaN(Date.parse(ast.value))) return ast.value;
    throw new GraphQLError('Data non valida: usare il formato AAAA-MM-GG', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
