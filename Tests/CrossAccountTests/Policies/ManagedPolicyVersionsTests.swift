import CrossAccount
import Foundation
import Testing

@Suite struct ManagedPolicyVersionsTests {
    func day(_ number: Int) -> Date {
        Date(timeIntervalSince1970: Double(number) * 86_400)
    }

    @Test func roomLeftMeansNothingToPrune() {
        let versions = (1...4).map { (id: "v\($0)", isDefault: $0 == 4, created: day($0)) }
        #expect(ManagedPolicyVersions.versionToPrune(versions: versions) == nil)
    }

    @Test func fiveVersionsPruneTheOldestNonDefault() {
        let versions = [
            (id: "v3", isDefault: false, created: day(3)), (id: "v1", isDefault: true, created: day(1)),
            (id: "v2", isDefault: false, created: day(2)), (id: "v5", isDefault: false, created: day(5)),
            (id: "v4", isDefault: false, created: day(4)),
        ]
        #expect(ManagedPolicyVersions.versionToPrune(versions: versions) == "v2")
    }

    @Test func sameInstantPrunesTheLowerNumber() {
        let versions = [
            (id: "v10", isDefault: false, created: day(1)), (id: "v9", isDefault: false, created: day(1)),
            (id: "v11", isDefault: false, created: day(2)), (id: "v12", isDefault: false, created: day(3)),
            (id: "v13", isDefault: true, created: day(4)),
        ]
        #expect(ManagedPolicyVersions.versionToPrune(versions: versions) == "v9")
    }
}
