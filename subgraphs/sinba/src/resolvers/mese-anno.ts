import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { dateToMeseAnno, meseAnnoToDate } from '../domain/mese-anno';

function parse(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return meseAnnoToDate(value);
    } catch {
      // fall through to the client-facing error
    }
  }
  throw new GraphQLError('Mese non valido: usare il formato MM/AAAA', { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * `MeseAnno`: `DataMeseAnnoType` of SINBA.xsd. Stored as the first of the month
 * (`AAAA-MM-01`), shown and accepted as `MM/AAAA`.
 */
export const MeseAnnoScalar = new GraphQLScalarType({
  name: 'MeseAnno',
  description: 'Mese e anno MM/AAAA (DataMeseAnnoType del flusso SINBA)',
  serialize(value) {
    if (typeof value === 'string') return dateToMeseAnno(value.slice(0, 10));
    throw new GraphQLError('Mese non valido');
  },
  parseValue: parse,
  parseLiteral(ast) {
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
