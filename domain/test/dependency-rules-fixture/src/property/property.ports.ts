export type TenantScope = { readonly organizationId: string }
