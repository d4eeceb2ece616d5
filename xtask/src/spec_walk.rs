//! Walking spec/bss.yaml across its `$ref`s: what a reference looks like, what it points to, which
//! models a model reaches, and where a model that contains itself must be cut.
//!
//! Every task that follows references goes through here (the JSON Schema export for the models
//! a request body carries as `$defs`, the official-SDK conformance check for the shapes it
//! compares, the generator's spec model for fields and secrets), so an unresolved or foreign
//! reference is named the same way everywhere.

use std::borrow::Borrow;
use std::collections::BTreeSet;

use openapiv3::{
    Components, Parameter, ReferenceOr, RequestBody, Response, Schema, SchemaKind, Type,
};

/// What every schema reference of the spec starts with: the spec keeps its models in
/// `components.schemas` and refers to nothing outside the document.
pub const SCHEMAS: &str = "#/components/schemas/";

/// The model a schema reference names: `#/components/schemas/<name>` → `name`.
pub fn schema_name(reference: &str) -> Option<&str> {
    reference.strip_prefix(SCHEMAS)
}

/// `#/components/<section>/<name>` → `name`.
fn component_name<'r>(reference: &'r str, section: &str) -> Option<&'r str> {
    reference
        .strip_prefix("#/components/")?
        .strip_prefix(section)?
        .strip_prefix('/')
}

/// A schema with its reference followed.
pub struct Resolved<'a> {
    /// The model it was reached through; `None` for a schema written in place.
    pub model: Option<&'a str>,
    pub schema: &'a Schema,
}

/// Follows references into one spec's components.
#[derive(Clone, Copy)]
pub struct SpecWalk<'a> {
    components: Option<&'a Components>,
}

impl<'a> SpecWalk<'a> {
    pub fn new(components: Option<&'a Components>) -> Self {
        SpecWalk { components }
    }

    /// The schema itself, or the model it refers to; `Err` names a reference that is not a
    /// model of the spec. `S` is `Schema`, or `Box<Schema>` for properties and array items.
    pub fn schema<S: Borrow<Schema>>(
        &self,
        schema: &'a ReferenceOr<S>,
    ) -> Result<Resolved<'a>, String> {
        match schema {
            ReferenceOr::Item(schema) => Ok(Resolved {
                model: None,
                schema: schema.borrow(),
            }),
            ReferenceOr::Reference { reference } => self.model_of(reference),
        }
    }

    /// The model `name`, if the spec has it (as a schema, not a further reference).
    pub fn model(&self, name: &str) -> Option<&'a Schema> {
        self.components?.schemas.get(name)?.as_item()
    }

    fn model_of(&self, reference: &str) -> Result<Resolved<'a>, String> {
        let name =
            schema_name(reference).ok_or_else(|| format!("unsupported reference {reference}"))?;
        let (name, schema) = self
            .components
            .and_then(|c| c.schemas.get_key_value(name))
            .and_then(|(name, schema)| Some((name.as_str(), schema.as_item()?)))
            .ok_or_else(|| format!("unresolved schema {reference}"))?;
        Ok(Resolved {
            model: Some(name),
            schema,
        })
    }

    pub fn parameter(
        &self,
        parameter: &'a ReferenceOr<Parameter>,
    ) -> Result<&'a Parameter, String> {
        let lookup = |c: &'a Components, name: &str| c.parameters.get(name);
        self.component(parameter, ("parameters", "parameter"), lookup)
    }

    pub fn request_body(
        &self,
        body: &'a ReferenceOr<RequestBody>,
    ) -> Result<&'a RequestBody, String> {
        let lookup = |c: &'a Components, name: &str| c.request_bodies.get(name);
        self.component(body, ("requestBodies", "request body"), lookup)
    }

    pub fn response(&self, response: &'a ReferenceOr<Response>) -> Result<&'a Response, String> {
        let lookup = |c: &'a Components, name: &str| c.responses.get(name);
        self.component(response, ("responses", "response"), lookup)
    }

    /// The item itself, or the component it refers to: `lookup` finds it by name in its
    /// `(section, what)`, `what` naming it in the error.
    fn component<T>(
        &self,
        item: &'a ReferenceOr<T>,
        (section, what): (&str, &str),
        lookup: impl FnOnce(&'a Components, &str) -> Option<&'a ReferenceOr<T>>,
    ) -> Result<&'a T, String> {
        match item {
            ReferenceOr::Item(item) => Ok(item),
            ReferenceOr::Reference { reference } => self
                .components
                .zip(component_name(reference, section))
                .and_then(|(components, name)| lookup(components, name))
                .and_then(ReferenceOr::as_item)
                .ok_or_else(|| format!("unresolved {what} {reference}")),
        }
    }

    /// Every model the model `root` reaches through its properties and array items, directly or
    /// through other models; `root` is not among them (a reference back to it is the root).
    pub fn reachable(&self, root: &str) -> Result<BTreeSet<&'a str>, String> {
        let schema = self
            .model(root)
            .ok_or_else(|| format!("unresolved schema {SCHEMAS}{root}"))?;
        let mut found = BTreeSet::new();
        let mut pending = vec![schema];
        while let Some(schema) = pending.pop() {
            for child in self.children(schema) {
                let child = child?;
                match child.model {
                    // A reference back to the root is the root, not a further model.
                    Some(name) if name == root => {}
                    Some(name) => {
                        if found.insert(name) {
                            pending.push(child.schema);
                        }
                    }
                    None => pending.push(child.schema),
                }
            }
        }
        Ok(found)
    }

    /// The property schemas of an object, or the item schema of an array, references followed.
    fn children(
        &self,
        schema: &'a Schema,
    ) -> impl Iterator<Item = Result<Resolved<'a>, String>> + 'a {
        let walk = *self;
        let (properties, items) = match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => (Some(&object.properties), None),
            SchemaKind::Type(Type::Array(array)) => (None, array.items.as_ref()),
            _ => (None, None),
        };
        properties
            .into_iter()
            .flat_map(|properties| properties.values())
            .chain(items)
            .map(move |child| walk.schema(child))
    }
}

/// The models being expanded along one path from a root, so that a model that contains itself
/// is expanded once and cut where it recurs.
#[derive(Default)]
pub struct Open(Vec<String>);

impl Open {
    /// Whether `model` is already being expanded further up.
    pub fn contains(&self, model: &str) -> bool {
        self.0.iter().any(|open| open == model)
    }

    /// Expands `model` inside `expand`, which sees it open.
    pub fn within<T>(&mut self, model: &str, expand: impl FnOnce(&mut Self) -> T) -> T {
        self.0.push(model.to_string());
        let out = expand(self);
        self.0.pop();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn components(yaml: &str) -> Components {
        serde_yaml::from_str(&format!("schemas:\n{yaml}")).expect("test components parse")
    }

    #[test]
    fn reachable_models_are_transitive_and_exclude_the_root() {
        let components = components(
            "  Req: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, \
                                               again: {$ref: '#/components/schemas/Req'}, \
                                               inline: {type: array, items: {$ref: '#/components/schemas/C'}}}}\n  \
               A: {type: array, items: {$ref: '#/components/schemas/B'}}\n  \
               B: {type: object, properties: {back: {$ref: '#/components/schemas/A'}}}\n  \
               C: {type: boolean}\n  \
               Unused: {type: string}\n",
        );
        let walk = SpecWalk::new(Some(&components));
        let found: Vec<_> = walk.reachable("Req").unwrap().into_iter().collect();
        assert_eq!(found, ["A", "B", "C"]);
    }

    #[test]
    fn foreign_and_dangling_references_are_named() {
        let components = components(
            "  Req: {type: object, properties: {a: {$ref: '#/components/schemas/Gone'}}}\n  \
               Ext: {type: object, properties: {a: {$ref: 'other.yaml#/X'}}}\n",
        );
        let walk = SpecWalk::new(Some(&components));
        assert_eq!(
            walk.reachable("Req").unwrap_err(),
            "unresolved schema #/components/schemas/Gone"
        );
        assert_eq!(
            walk.reachable("Ext").unwrap_err(),
            "unsupported reference other.yaml#/X"
        );
        assert_eq!(
            walk.reachable("Nothing").unwrap_err(),
            "unresolved schema #/components/schemas/Nothing"
        );
        let body = ReferenceOr::ref_("#/components/requestBodies/Gone");
        assert_eq!(
            walk.request_body(&body).unwrap_err(),
            "unresolved request body #/components/requestBodies/Gone"
        );
        let misplaced = ReferenceOr::ref_("#/components/schemas/Req");
        assert_eq!(
            walk.response(&misplaced).unwrap_err(),
            "unresolved response #/components/schemas/Req"
        );
    }

    #[test]
    fn an_open_model_is_seen_only_inside_its_expansion() {
        let mut open = Open::default();
        let inside = open.within("Node", |open| open.contains("Node"));
        assert!(inside);
        assert!(!open.contains("Node"));
    }
}
