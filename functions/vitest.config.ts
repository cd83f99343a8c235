import { defineConfig } from 'vitest/config'
import { functionsProjects } from './vitest.projects.ts'

export default defineConfig({ test: { projects: functionsProjects('.') } })
