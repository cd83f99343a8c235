/** `make config-docs`: regenerates docs/configuration.md and .env.example from the settings docs. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderConfigurationMd, renderEnvExample } from '../functions/deploy/config-docs.ts'

const root = join(import.meta.dirname, '..')
writeFileSync(join(root, 'docs', 'configuration.md'), renderConfigurationMd())
writeFileSync(join(root, '.env.example'), renderEnvExample())
process.stdout.write('wrote docs/configuration.md and .env.example\n')
