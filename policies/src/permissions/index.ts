/**
 * The shield of every subgraph, one file each, kept together here so that one
 * review covers who may see what across the whole platform.
 */
export { anagrafePermissions } from './anagrafe';
