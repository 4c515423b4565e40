import AWS
import Locking
import Services

extension SetupCheck {
    /// The item name of each secondary's proof row.
    static let proofItem = "proof: assume role"

    /// The end-to-end proof: with the scanner's key, sign as the user and assume each secondary's
    /// role; without it, ask IAM to simulate the same, or say plainly that the proof was skipped.
    func checkProof() async -> CheckFindings {
        var findings = CheckFindings()
        if let scannerKey {
            await prove(with: scannerKey, into: &findings)
        } else {
            await simulate(into: &findings)
        }
        return findings
    }

    /// The role each secondary holds for the scanner.
    func roleARN(of secondary: Account) -> RoleARN {
        RoleARN(account: secondary.id, roleName: names.role, partition: primary.partition)
    }

    /// Signs as the scanner user: `GetCallerIdentity` must name the user, then each role is assumed
    /// and its trail's status read with the role's credentials.
    func prove(with key: ScannerKey, into findings: inout CheckFindings) async {
        let credentials = StaticCredentialProvider(
            Credentials(accessKeyID: key.accessKeyID, secretAccessKey: key.secret, source: .prompt))
        var refusal: CheckProblem?
        await findings.check(primary.alias, "proof: scanner key") { () async throws(CheckProblem) -> String in
            let identity: CallerIdentity
            do throws(AWSError) {
                identity = try await primary.factory.sts(region: primary.region, credentials: credentials)
                    .getCallerIdentity()
            } catch {
                refusal = .keyRefused(error)
                throw .keyRefused(error)
            }
            return try requireScannerUser(identity.arn, key: key)
        }
        if let refusal {
            for secondary in secondaries {
                await findings.check(secondary.alias, Self.proofItem) { () throws(CheckProblem) -> String in
                    throw refusal
                }
            }
            return
        }
        // One proof per secondary, several at once; the rows keep the secondaries' order.
        let proofs = await secondaries.concurrentMap(limit: maxConcurrentAccounts) {
            secondary -> Result<String, CheckProblem> in
            do throws(CheckProblem) {
                return .success(try await assumeAndReadTrail(in: secondary, as: credentials))
            } catch {
                return .failure(error)
            }
        }
        for (secondary, proof) in zip(secondaries, proofs) {
            await findings.check(secondary.alias, Self.proofItem) { () throws(CheckProblem) -> String in
                try proof.get()
            }
        }
    }

    /// The ARN `GetCallerIdentity` answered must be the scanner's user in the primary account.
    /// - Throws: `CheckProblem.identityMismatch`.
    func requireScannerUser(_ arn: String, key: ScannerKey) throws(CheckProblem) -> String {
        let parsed = try? ARN(arn)
        let isUser =
            parsed?.service == "iam" && parsed?.account == primary.id.value
            && (parsed?.resource.hasPrefix("user/") ?? false) && (parsed?.resource.hasSuffix("/\(names.user)") ?? false)
        guard isUser else {
            throw .identityMismatch(expected: "user \(names.user) of \(primary.label)", found: arn)
        }
        return "key \(key.accessKeyID) signs as \(arn)"
    }

    /// Assumes the secondary's role with the scanner's credentials and reads the secondary trail's status.
    /// - Throws: `CheckProblem.aws` with the refused call.
    func assumeAndReadTrail(in secondary: Account, as scanner: any CredentialProvider) async throws(CheckProblem)
        -> String
    {
        let role = roleARN(of: secondary).description
        let sts = try await read { () throws(AWSError) in
            try primary.factory.sts(region: primary.region, credentials: scanner)
        }
        let assumed = try await read { () async throws(AWSError) in
            try await sts.assumeRole(
                AssumeRoleRequest(roleARN: role, sessionName: "s3x-check", sourceDescription: "scanner user"))
        }
        let trails = try await read { () throws(AWSError) in
            try primary.factory.cloudTrail(
                region: secondary.region, credentials: StaticCredentialProvider(assumed.credentials))
        }
        let status = try await read { () async throws(AWSError) in
            try await trails.getTrailStatus(name: names.secondaryTrail)
        }
        let logging = status.isLogging ? "logging" : "not logging"
        return "the scanner key assumed \(role) and read trail \(names.secondaryTrail) (\(logging))"
    }

    /// Without the key: IAM's `SimulatePrincipalPolicy` for `sts:AssumeRole` on each role, or
    /// `skipped` rows that say why and how to run the real proof.
    func simulate(into findings: inout CheckFindings) async {
        let roles = secondaries.map { roleARN(of: $0).description }
        let userARN: String
        let results: [SimulationResult]
        do {
            let iam = try primary.iam()
            userARN = try await iam.getUser(name: names.user).arn
            do {
                results = try await iam.simulatePrincipalPolicy(
                    principalARN: userARN, actions: ["sts:AssumeRole"], resources: roles)
            } catch {
                skipProof(
                    because: "no scanner key was given and IAM policy simulation is not available here (\(error))",
                    hint: await proofHint(), into: &findings)
                return
            }
        } catch {
            skipProof(because: "the user \(names.user) could not be read (\(error))", hint: "", into: &findings)
            return
        }
        let hint = await proofHint()
        for (secondary, role) in zip(secondaries, roles) {
            await findings.check(secondary.alias, Self.proofItem) { () throws(CheckProblem) -> String in
                let decision = results.first { $0.resource == role }?.decision ?? "no result"
                guard decision == "allowed" else {
                    throw .simulationDenied(user: userARN, role: role, decision: decision)
                }
                return "IAM policy simulation allows \(names.user) to assume \(role); \(hint)"
            }
        }
    }

    /// One `skipped` proof row per secondary, saying why and how to run the proof.
    func skipProof(because reason: String, hint: String, into findings: inout CheckFindings) {
        let how = hint.isEmpty ? "" : "; \(hint)"
        for secondary in secondaries {
            findings.skip(secondary.alias, Self.proofItem, because: "end-to-end proof skipped: \(reason)\(how)")
        }
    }

    /// How to run the end-to-end proof, naming the user's access key when one is known.
    func proofHint() async -> String {
        let keyID = (try? await activeKeys().first) ?? "ID"
        return "to prove it end to end, run `check ... --access-key-id \(keyID)` and give the secret at the "
            + "prompt or in S3X_SCANNER_SECRET_ACCESS_KEY"
    }
}
