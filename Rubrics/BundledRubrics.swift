import Foundation

/// The rubric sets and schemas that ship inside the tool, found from any
/// working directory through the package's resource bundle.
public enum BundledRubrics {
    /// Folder holding the XSDs (`rubric-set.xsd`, `report.xsd`).
    public static var schemaDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("schema", isDirectory: true)
    }

    /// The default rubric set: the Cuban Missile Crisis prompt.
    public static var defaultSet: URL {
        Bundle.module.resourceURL!.appendingPathComponent("cuban-missile-crisis", isDirectory: true)
    }
}
