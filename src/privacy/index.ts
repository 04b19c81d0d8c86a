export { SEALED_FIELDS } from './sealedFields';
export { findIdentifiers, isValidNhsNumber, leftOutWording, withoutIdentifiers, withoutIdentifiersInText, type IdentifierKind } from './identifiers';
