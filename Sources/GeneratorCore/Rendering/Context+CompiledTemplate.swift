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

extension Context {
    /// Every context type above, whose fields the compiled renderer reads through typed readers.
    nonisolated(unsafe) static let compiledTemplateTypes: [any CompiledTemplateContext.Type] = [
        ResponseEnum.self,
        ResponseStatus.self,
        ResponseCase.self,
        HeadersType.self,
        HeaderField.self,
        Stream.self,
        File.self,
        Module.self,
        Server.self,
        ServerVariable.self,
        ServerVariableCase.self,
        Credential.self,
        Structure.self,
        Property.self,
        Enumeration.self,
        EnumerationCase.self,
        Union.self,
        SharedProperty.self,
        UnionShortcut.self,
        UnionMember.self,
        Alias.self,
        Operation.self,
        Argument.self,
        MultipartPart.self,
        RequestParameter.self,
        PathPart.self,
        BodyProperty.self,
        StatusCase.self,
        Outcome.self,
    ]

    /// Builds the readers of every context type now (each type's once per process), so that the rendering threads
    /// find them made rather than build them in their first jobs, where they were about 3% of box's rendering:
    /// each reader comes from a key path cast at run time, and each cast searches the binary's conformance records.
    static func prepareTemplateReaders() {
        for type in compiledTemplateTypes { _ = type.templateReaders }
    }
}
