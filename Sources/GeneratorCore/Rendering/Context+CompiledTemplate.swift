// Every template context type reads its fields through typed readers in the compiled renderer
// (`CompiledTemplates`). A type missing here still renders, through swift-mustache's generic means, only slower.

extension Context.ResponseEnum: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.ResponseStatus: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.ResponseCase: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.HeadersType: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.HeaderField: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Stream: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.File: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Module: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Server: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.ServerVariable: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.ServerVariableCase: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Credential: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Structure: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Property: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Enumeration: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.EnumerationCase: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Union: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.SharedProperty: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.UnionShortcut: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.UnionMember: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Alias: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Operation: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Argument: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.MultipartPart: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.RequestParameter: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.PathPart: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.BodyProperty: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.StatusCase: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}

extension Context.Outcome: CompiledTemplateContext {
    nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
}
