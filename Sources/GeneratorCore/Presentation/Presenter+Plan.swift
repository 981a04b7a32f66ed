import Foundation

extension Presenter {
    /// A module's jobs, made one at a time by index, so that they can be made (and rendered) on several threads:
    /// the module templates' jobs (`moduleTemplates`, in that order), `Multipart.swift` when an operation sends a
    /// multipart body, a job per type, then one per operation, in the module's order.
    struct JobPlan: @unchecked Sendable {
        // Unchecked: the presenter holds a `DocLinesMaker`, a cache that is not thread-safe, which `job(at:)` uses:
        // a plan is used by one thread at a time, and another thread makes its own copy with `withDocLines(_:)`.
        // Everything else here is immutable.

        /// The presenter, prepared for the module (`prepared(for:)`).
        let presenter: Presenter
        let module: IR.Module
        /// The module's context, which every job's file holds.
        let moduleContext: Context.Module
        /// The banner every file opens with.
        let banner: String
        /// Whether the module has a `Multipart.swift` job.
        let hasMultipart: Bool

        /// How many jobs the module has.
        var count: Int {
            Presenter.moduleTemplates.count + (hasMultipart ? 1 : 0) + module.types.count + module.operations.count
        }

        /// This plan with doc comments made by `docLines` (a maker of the calling thread's own). The jobs do not
        /// depend on which maker made them, only their cost does: each maker splits and wraps each distinct text once.
        func withDocLines(_ docLines: DocLinesMaker) -> JobPlan {
            var presenter = presenter
            presenter.docLinesMaker = docLines
            return JobPlan(
                presenter: presenter, module: module, moduleContext: moduleContext, banner: banner,
                hasMultipart: hasMultipart)
        }

        /// The job at `index` (`0..<count`).
        func job(at index: Int) -> Job {
            func file() -> Context.File { Context.File(banner: banner, module: moduleContext) }
            var index = index
            if index < Presenter.moduleTemplates.count {
                let template = Presenter.moduleTemplates[index]
                // The client, the error and the public runtime types are named after the module (`CambAIClient`).
                let base = String(template.dropLast(".swift".count))
                let fileName =
                    Constants.moduleTypeSuffixes.contains(base)
                    ? Presenter.swiftFileName(module.name + base) : template
                return Job(fileName: fileName, templateName: template, context: file())
            }
            index -= Presenter.moduleTemplates.count
            // Files and multipart bodies, for a module that sends one.
            if hasMultipart {
                if index == 0 {
                    return Job(fileName: "Multipart.swift", templateName: "Multipart.swift", context: file())
                }
                index -= 1
            }
            if index < module.types.count {
                return presenter.job(for: module.types[index], in: module, file: file())
            }
            index -= module.types.count
            let operation = module.operations[index]
            var context = file()
            context.operation = presenter.present(operation, module: module)
            let fileName = Presenter.swiftFileName(
                module.clientName + "+" + SwiftNamer().typeName(for: operation.functionName))
            return Job(fileName: fileName, templateName: presenter.operationStyle.operationTemplate, context: context)
        }
    }

    /// The plan of the module's jobs; the presenter must be prepared for the module (`prepared(for:)`).
    func plan(_ module: IR.Module) -> JobPlan {
        JobPlan(
            presenter: self, module: module, moduleContext: present(moduleOf: module),
            banner: Constants.bannerPrefix + documentName + ". Do not edit: regenerate instead.",
            hasMultipart: module.operations.contains { $0.requestBody?.encoding == .multipart })
    }

    /// The job of one of the module's types.
    func job(for type: IR.TypeDeclaration, in module: IR.Module, file: Context.File) -> Job {
        var context = file
        let template: String
        switch type {
        case .structure(let value):
            context.structure = present(value)
            context.structure?.isIdentifiable =
                module.conformsToIdentifiable && value.properties.contains { $0.swiftName == "id" }
            template = "Struct.swift"
        case .enumeration(let value):
            context.enumeration = present(value)
            context.enumeration?.isCaseIterable = module.conformsToCaseIterable
            template = "Enum.swift"
        case .union(let value):
            context.union = present(value)
            template = value.keepsEveryMember ? "AnyOf.swift" : "Union.swift"
        case .alias(let value):
            let identical = module.identicalSchemas[value.name].map { target in
                [
                    "The schema is identical to that of `\(target)` (but for its description), so it names that type "
                        + "rather than declaring another."
                ]
            }
            context.alias = Context.Alias(
                name: value.name, targetTypeName: typeName(value.target),
                docLines: docLines(value.documentation, extra: identical ?? []))
            template = "TypeAlias.swift"
        }
        return Job(
            fileName: Self.swiftFileName(type.name), templateName: template, context: context,
            partOf: module.identicalSchemas[type.name].map(Self.swiftFileName))
    }
}
