export { SEALED_FIELDS } from './sealedFields';
