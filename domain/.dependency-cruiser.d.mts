// Types of the rules file, so domain/src/dependency-rules.test.ts can import them.
import type { IConfiguration } from 'dependency-cruiser'

declare const config: IConfiguration
export default config
